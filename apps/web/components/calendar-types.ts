import type { inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "@calcom/trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type CalendarBooking = Outputs["viewer"]["bookings"]["list"][number];

/**
 * Whose session this is, when it is not the signed-in user's own (a team admin's calendar shows the
 * team's sessions too): the organizer's name, else their address. Null for the user's own.
 */
export function otherOrganizer(booking: Pick<CalendarBooking, "userId" | "user">, userId: number): string | null {
  if (booking.userId === userId || !booking.user) return null;
  return booking.user.name?.trim() || booking.user.email;
}

export type Tone = "green" | "blue" | "orange" | "gray" | "red";

/** How the host itself shows Cal.com's booking statuses; installed apps may refine them. */
export const CALCOM_STATUS_DISPLAY: Record<CalendarBooking["status"], { key: string; label: string; tone: Tone }> = {
  ACCEPTED: { key: "confirmed", label: "Confirmed", tone: "blue" },
  PENDING: { key: "pending", label: "Pending", tone: "orange" },
  AWAITING_HOST: { key: "pending", label: "Pending", tone: "orange" },
  CANCELLED: { key: "cancelled", label: "Cancelled", tone: "gray" },
  REJECTED: { key: "cancelled", label: "Cancelled", tone: "gray" },
};

/**
 * The mark each tone wears, on events and in the legend alike: a shape as well as a colour, so a
 * status reads on an event too short for its label (and without telling colours apart).
 */
export const TONE_MARKS: Record<Tone, string> = {
  green: "✓",
  blue: "•",
  orange: "?",
  gray: "✕",
  red: "!",
};
