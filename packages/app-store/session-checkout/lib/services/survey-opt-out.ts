import type { PrismaClient, PrismaTransaction } from "@calcom/prisma";

import { BRANDING_SELECT, brandingOf, type SurveyBranding } from "../survey-branding";
import { checkSurveyToken, type SurveyTokenProblem } from "../survey-token";
import { webappUrl } from "../webapp-url";
import { CONNECTION_WAIT } from "./transaction-options";

/*
 * The email's unsubscribe link: it stops every further survey from the booking's host to that
 * address (RFC 8058 one-click, or the page's button). Opening the page (GET) changes nothing; the
 * POST does. Surveys already queued for that address from that host are withdrawn at once, and the
 * delivery checks the opt-out again at send time.
 */

export type OptOutProblem = SurveyTokenProblem | "unknown";

export interface OptOutSubject {
  hostUserId: number;
  email: string;
  branding: SurveyBranding;
  optedOut: boolean;
}

type Lookup = { ok: true; subject: OptOutSubject } | { ok: false; problem: OptOutProblem };

/** Whom an unsubscribe link names, and whether that address is unsubscribed now: read only. */
export async function optOutForLink(db: PrismaClient | PrismaTransaction, token: string, now: Date): Promise<Lookup> {
  const checked = checkSurveyToken(token, { now, purpose: "unsubscribe" });
  if (!checked.ok) return { ok: false, problem: checked.problem };
  const survey = await db.app_SessionCheckout_Survey.findUnique({
    where: { id: checked.surveyId },
    select: { attendeeEmail: true, booking: { select: { userId: true, ...BRANDING_SELECT } } },
  });
  if (!survey || survey.booking.userId === null) return { ok: false, problem: "unknown" };
  const hostUserId = survey.booking.userId;
  const existing = await db.app_SessionCheckout_SurveyOptOut.findUnique({ where: { hostUserId_email: { hostUserId, email: survey.attendeeEmail } }, select: { email: true } });
  return { ok: true, subject: { hostUserId, email: survey.attendeeEmail, branding: brandingOf(survey.booking, webappUrl()), optedOut: existing !== null } };
}

/** Unsubscribes the link's address from the host's surveys and withdraws any still queued. Repeating it changes nothing. */
export async function optOut(db: PrismaClient, { token, now }: { token: string; now: Date }): Promise<Lookup> {
  return db.$transaction(async (tx) => {
    const found = await optOutForLink(tx, token, now);
    if (!found.ok) return found;
    const { hostUserId, email } = found.subject;
    await tx.app_SessionCheckout_SurveyOptOut.upsert({ where: { hostUserId_email: { hostUserId, email } }, create: { hostUserId, email, createdAt: now }, update: {} });
    await tx.$executeRaw`
      UPDATE "App_SessionCheckout_Survey" s SET "status" = 'CANCELLED', "cancelReason" = 'unsubscribed'
      FROM "Booking" b
      WHERE b."id" = s."bookingId" AND b."userId" = ${hostUserId} AND s."attendeeEmail" = ${email} AND s."status" = 'QUEUED'`;
    return { ok: true, subject: { ...found.subject, optedOut: true } };
  }, CONNECTION_WAIT);
}

/** Takes the opt-out back (the page's "I clicked by mistake"). Surveys withdrawn meanwhile stay withdrawn. */
export async function optBackIn(db: PrismaClient, { token, now }: { token: string; now: Date }): Promise<Lookup> {
  const found = await optOutForLink(db, token, now);
  if (!found.ok) return found;
  await db.app_SessionCheckout_SurveyOptOut.deleteMany({ where: { hostUserId: found.subject.hostUserId, email: found.subject.email } });
  return { ok: true, subject: { ...found.subject, optedOut: false } };
}
