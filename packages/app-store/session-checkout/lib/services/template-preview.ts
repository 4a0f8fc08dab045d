import type { PrismaClient } from "@calcom/prisma";

import { surveyFormPage } from "../pages/survey-page";
import { brandColorOrDefault, formatForClient } from "../../components/format";
import { renderLowRatingAlert, renderSurveyRequest } from "../../emails/render";
import { BRANDING_SELECT, brandingOf } from "../survey-branding";
import { webappUrl } from "../webapp-url";

export const PREVIEW_TEMPLATES = ["survey-request", "low-rating-alert", "survey-page"] as const;
export type PreviewTemplate = (typeof PREVIEW_TEMPLATES)[number];

/** The sample client and session every preview shows. */
const SAMPLE = { clientName: "Jamie Rivera", clientEmail: "jamie.rivera@example.com", sessionTitle: "Coaching session", comment: "We ran out of time before the second topic." };

/**
 * A template as its reader would see it, with sample data in the host's own branding (name, avatar,
 * brand colour, hideBranding): the survey email, the low-rating alert, the survey page. Nothing in a
 * preview links anywhere real.
 */
export async function previewTemplate(db: PrismaClient, { userId, template, now = new Date() }: { userId: number; template: PreviewTemplate; now?: Date }): Promise<{ subject: string | null; html: string }> {
  const host = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { ...BRANDING_SELECT.user.select, timeZone: true } });
  const branding = brandingOf({ user: host, eventType: null }, webappUrl());
  // Yesterday, at this hour: a session that just happened.
  const startTime = new Date(now.getTime() - 24 * 3_600_000);
  const sessionWhen = formatForClient(startTime, host.timeZone);
  switch (template) {
    case "survey-page":
      return {
        subject: null,
        html: surveyFormPage(
          { surveyId: 0, hostUserId: userId, attendeeName: SAMPLE.clientName, branding, sessionTitle: SAMPLE.sessionTitle, startTime, timeZone: host.timeZone, answer: null },
          { token: "preview", rating: 4 },
        ),
      };
    case "survey-request":
      return renderSurveyRequest({
        clientName: SAMPLE.clientName,
        branding,
        sessionTitle: SAMPLE.sessionTitle,
        sessionWhen,
        ratingLinks: [1, 2, 3, 4, 5].map((rating) => `#rating-${rating}`),
        unsubscribeLink: "#unsubscribe",
      });
    case "low-rating-alert":
      return renderLowRatingAlert({
        hostName: branding.hostName,
        clientName: SAMPLE.clientName,
        clientEmail: SAMPLE.clientEmail,
        rating: 2,
        comment: SAMPLE.comment,
        sessionTitle: SAMPLE.sessionTitle,
        sessionWhen,
        bookingLink: "#booking",
        brandColor: brandColorOrDefault(host.brandColor),
      });
  }
}
