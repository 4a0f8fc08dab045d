import { brandColorOrDefault } from "../components/format";

/*
 * Whose look a survey carries. A team's session is branded with the team (Cal.com's Team name,
 * logoUrl, brandColor, hideBranding); a host's own session with the host (name, avatarUrl,
 * brandColor, hideBranding). The question is always about the person the client met.
 */

/** The Prisma selection of a booking that `brandingOf` reads. */
export const BRANDING_SELECT = {
  user: { select: { name: true, avatarUrl: true, brandColor: true, hideBranding: true } },
  eventType: { select: { team: { select: { name: true, logoUrl: true, brandColor: true, hideBranding: true } } } },
} as const;

interface BrandedBooking {
  user: { name: string | null; avatarUrl: string | null; brandColor: string | null; hideBranding: boolean } | null;
  eventType: { team: { name: string; logoUrl: string | null; brandColor: string | null; hideBranding: boolean } | null } | null;
}

export interface SurveyBranding {
  /** The person the client met. */
  hostName: string;
  /** The team, for a team's session. */
  teamName: string | null;
  /** An absolute http(s) image address, or null (no image is better than a broken one). */
  logoUrl: string | null;
  /** Always a plain #rrggbb. */
  brandColor: string;
  /** Cal.com's "hide branding": the footer naming this app is left out. */
  hideBranding: boolean;
}

export function brandingOf(booking: BrandedBooking, webappUrl: string): SurveyBranding {
  const team = booking.eventType?.team ?? null;
  return {
    hostName: booking.user?.name?.trim() || "your host",
    teamName: team?.name ?? null,
    logoUrl: absoluteImageUrl(team ? team.logoUrl : (booking.user?.avatarUrl ?? null), webappUrl),
    brandColor: brandColorOrDefault(team?.brandColor ?? booking.user?.brandColor),
    hideBranding: team ? team.hideBranding : (booking.user?.hideBranding ?? false),
  };
}

/** Cal.com stores avatars as absolute URLs or as paths on the web app (`/api/avatar/…`); data URLs are not shown by most mail clients. */
export function absoluteImageUrl(url: string | null, webappUrl: string): string | null {
  if (!url) return null;
  try {
    const absolute = new URL(url, webappUrl.endsWith("/") ? webappUrl : `${webappUrl}/`);
    return absolute.protocol === "https:" || absolute.protocol === "http:" ? absolute.toString() : null;
  } catch {
    return null;
  }
}
