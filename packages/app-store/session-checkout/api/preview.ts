import { prisma } from "@calcom/prisma";
import type { AppHttpContext } from "@calcom/types/AppHandler";

import { brandColorOrDefault, formatForClient } from "../components/format";
import { renderLowRatingAlert, renderSurveyRequest } from "../emails/render";
import { BRANDING_SELECT, brandingOf } from "../lib/survey-branding";
import { webappUrl } from "../lib/webapp-url";
import { escape, htmlResponse, layout } from "./public-page";
import { surveyFormPage } from "./survey-page";

const PREVIEW_PATH = "/api/integrations/session-checkout/preview";
const TEMPLATES = ["survey-request", "low-rating-alert", "survey-page"] as const;
type Template = (typeof TEMPLATES)[number];
const isTemplate = (name: string | null): name is Template => (TEMPLATES as ReadonlyArray<string | null>).includes(name);

/** A sample session: yesterday at 10:00 in the host's zone, with a sample client. */
const SAMPLE = { clientName: "Jamie Rivera", clientEmail: "jamie.rivera@example.com", sessionTitle: "Coaching session", comment: "We ran out of time before the second topic." };

/**
 * /api/integrations/session-checkout/preview?template=… — for the signed-in host: each template
 * rendered with sample data in the host's own branding, as a client (or the host) would see it.
 */
export default async function previewHandler(request: Request, { user }: AppHttpContext): Promise<Response> {
  if (request.method !== "GET") return new Response("Use GET.", { status: 405, headers: { allow: "GET" } });
  if (!user) return htmlResponse(layout("Sign in to preview", `<h1>Sign in to preview</h1><p>Previews show your own branding, so sign in first.</p>`), 401);
  const template = new URL(request.url).searchParams.get("template");
  if (!isTemplate(template)) return htmlResponse(layout("No such template", `<h1>No such template</h1><p>Choose one of: ${TEMPLATES.map(escape).join(", ")}.</p>`), 404);
  try {
    const host = await prisma.user.findUnique({ where: { id: user.id }, select: { ...BRANDING_SELECT.user.select, timeZone: true, email: true } });
    if (!host) return htmlResponse(layout("Sign in to preview", `<h1>Sign in to preview</h1>`), 401);
    const base = webappUrl();
    const branding = brandingOf({ user: host, eventType: null }, base);
    const startTime = sampleStart(host.timeZone);
    if (template === "survey-page") {
      const rating = Number(new URL(request.url).searchParams.get("rating"));
      const survey = { surveyId: 0, hostUserId: user.id, attendeeName: SAMPLE.clientName, branding, sessionTitle: SAMPLE.sessionTitle, startTime, timeZone: host.timeZone, answer: null };
      return htmlResponse(surveyFormPage(survey, { token: "preview", rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null }));
    }
    const email =
      template === "survey-request"
        ? await renderSurveyRequest({
            clientName: SAMPLE.clientName,
            branding,
            sessionTitle: SAMPLE.sessionTitle,
            sessionWhen: formatForClient(startTime, host.timeZone),
            ratingLinks: [1, 2, 3, 4, 5].map((rating) => `${base}${PREVIEW_PATH}?template=survey-page&rating=${rating}`),
            unsubscribeLink: "#preview",
          })
        : await renderLowRatingAlert({
            hostName: branding.hostName,
            clientName: SAMPLE.clientName,
            clientEmail: SAMPLE.clientEmail,
            rating: 2,
            comment: SAMPLE.comment,
            sessionTitle: SAMPLE.sessionTitle,
            sessionWhen: formatForClient(startTime, host.timeZone),
            bookingLink: `${base}/calendar`,
            brandColor: brandColorOrDefault(host.brandColor),
          });
    // The subject, as the inbox shows it, above the message.
    const banner = `<div style="font:14px system-ui,sans-serif;background:#fef3c7;padding:10px 16px;border-bottom:1px solid #f59e0b">Preview with sample data · Subject: <strong>${escape(email.subject)}</strong></div>`;
    return htmlResponse(email.html.replace(/<body([^>]*)>/, `<body$1>${banner}`));
  } catch (error) {
    console.error("[session-checkout] A template preview failed:", error);
    return htmlResponse(layout("Something went wrong", `<h1>Something went wrong</h1><p>The preview could not be shown. Try again in a moment.</p>`), 500);
  }
}

function sampleStart(timeZone: string): Date {
  const yesterday = new Date(Date.now() - 24 * 3_600_000);
  // 10:00 in the host's zone, near enough for a sample (the offset at that moment).
  const offsetMinutes = zoneOffsetMinutes(yesterday, timeZone);
  const utcMidnight = Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate());
  return new Date(utcMidnight + (10 * 60 - offsetMinutes) * 60_000);
}

function zoneOffsetMinutes(at: Date, timeZone: string): number {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, hour12: false, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
    return Math.round((asUtc - at.getTime()) / 60_000);
  } catch {
    return 0;
  }
}
