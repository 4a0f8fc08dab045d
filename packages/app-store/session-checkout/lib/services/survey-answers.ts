import type { PrismaClient, PrismaTransaction } from "@calcom/prisma";
import { z } from "zod";

import { surveyAnsweredEvent } from "../../jobs/domain-events";
import type { SurveyAnsweredData } from "../../jobs/events";
import { publishAppEvents } from "../../jobs/publish";
import { appendAuditEntry } from "../audit";
import { needsLowRatingAlert } from "../settings";
import { BRANDING_SELECT, brandingOf, type SurveyBranding } from "../survey-branding";
import { checkSurveyToken, type SurveyTokenProblem } from "../survey-token";
import { normalizeEmail } from "../transitions";
import { webappUrl } from "../webapp-url";
import { readSettings } from "./settings-store";
import { unstorableTextReason } from "../text";
import { retryWhileBusy } from "./session-busy";
import { CONNECTION_WAIT } from "./transaction-options";

/*
 * A client's answer to a survey, from the public survey page. Opening the page (GET) only reads;
 * the answer is recorded by the client's own submit (POST), once. The rating also lands on
 * Cal.com's booking (`rating`, `ratingFeedback`), so Cal.com's Insights shows it.
 */

export const COMMENT_MAX_CHARACTERS = 2000;

export const surveyAnswerSchema = z.object({
  rating: z.coerce
    .number({ invalid_type_error: "Choose a rating from 1 to 5.", required_error: "Choose a rating from 1 to 5." })
    .int("Choose a rating from 1 to 5.")
    .min(1, "Choose a rating from 1 to 5.")
    .max(5, "Choose a rating from 1 to 5."),
  comment: z
    .string()
    .max(COMMENT_MAX_CHARACTERS * 2)
    .refine((text) => unstorableTextReason(text) === null, "A comment can hold only text (no NUL character or broken character).")
    // A browser sends each line break of a textarea as CRLF; one break is one character, as the page's own counter says.
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .refine((text) => Array.from(text).length <= COMMENT_MAX_CHARACTERS, `A comment can be at most ${COMMENT_MAX_CHARACTERS.toLocaleString("en-US")} characters.`)
    .optional(),
});

export type SurveyLinkProblem = SurveyTokenProblem | "unknown" | "not-open";

export interface SurveyForPage {
  surveyId: number;
  /** The booking's host, whose settings decide the low-rating alert. */
  hostUserId: number | null;
  attendeeName: string;
  branding: SurveyBranding;
  sessionTitle: string;
  startTime: Date;
  /** The client's own time zone, for the session's date. */
  timeZone: string;
  answer: { rating: number; comment: string | null; answeredAt: Date } | null;
}

type Lookup = { ok: true; survey: SurveyForPage } | { ok: false; problem: SurveyLinkProblem };

/** What the survey page shows for a link: read only, whatever the link says. */
export async function surveyForLink(db: PrismaClient | PrismaTransaction, token: string, now: Date): Promise<Lookup> {
  const checked = checkSurveyToken(token, { now });
  if (!checked.ok) return { ok: false, problem: checked.problem };
  const row = await db.app_SessionCheckout_Survey.findUnique({
    where: { id: checked.surveyId },
    select: {
      id: true,
      status: true,
      attendeeEmail: true,
      attendeeName: true,
      rating: true,
      comment: true,
      answeredAt: true,
      booking: { select: { title: true, startTime: true, userId: true, ...BRANDING_SELECT, attendees: { select: { email: true, timeZone: true } } } },
    },
  });
  if (!row) return { ok: false, problem: "unknown" };
  // Only a survey that went out can be answered (a queued or cancelled one has no link in anyone's inbox).
  if (row.status !== "SENT" && row.status !== "ANSWERED") return { ok: false, problem: "not-open" };
  const attendee = row.booking.attendees.find((a) => normalizeEmail(a.email) === row.attendeeEmail);
  return {
    ok: true,
    survey: {
      surveyId: row.id,
      hostUserId: row.booking.userId,
      attendeeName: row.attendeeName,
      branding: brandingOf(row.booking, webappUrl()),
      sessionTitle: row.booking.title,
      startTime: row.booking.startTime,
      timeZone: attendee?.timeZone ?? "UTC",
      answer: row.status === "ANSWERED" && row.rating !== null && row.answeredAt ? { rating: row.rating, comment: row.comment, answeredAt: row.answeredAt } : null,
    },
  };
}

export type AnswerOutcome = { ok: true; survey: SurveyForPage; recorded: boolean } | { ok: false; problem: SurveyLinkProblem };

/**
 * Records the answer, once: the survey row is locked, and a survey already answered keeps its
 * first answer (a replayed or second submit records nothing and shows that answer). In the same
 * transaction the booking's rating becomes the rounded mean of its answered surveys, and History
 * gets an entry.
 */
export async function answerSurvey(db: PrismaClient, { token, rating, comment, now }: { token: string; rating: number; comment?: string; now: Date }): Promise<AnswerOutcome> {
  let answered: { surveyId: number; event: SurveyAnsweredData } | null = null;
  // The rows are locked with NOWAIT and the whole answer tried again while a checkout or undo holds them.
  const outcome = await retryWhileBusy(() => db.$transaction(async (tx): Promise<AnswerOutcome> => {
    const checked = checkSurveyToken(token, { now });
    if (!checked.ok) return { ok: false, problem: checked.problem };
    await tx.$queryRaw`SELECT "id" FROM "App_SessionCheckout_Survey" WHERE "id" = ${checked.surveyId} FOR UPDATE NOWAIT`;
    const found = await surveyForLink(tx, token, now);
    if (!found.ok) return found;
    if (found.survey.answer) return { ok: true, survey: found.survey, recorded: false };

    const text = comment ? comment : null;
    const { surveyAlertThreshold } = await readSettings(tx, found.survey.hostUserId);
    const alert = needsLowRatingAlert(rating, surveyAlertThreshold) ? { alertStatus: "QUEUED" as const, alertNextAttemptAt: now } : {};
    const row = await tx.app_SessionCheckout_Survey.update({
      where: { id: checked.surveyId },
      data: { status: "ANSWERED", rating, comment: text, answeredAt: now, ...alert },
      select: { bookingId: true, attendeeEmail: true },
    });
    answered = { surveyId: checked.surveyId, event: { bookingId: row.bookingId, hostUserId: found.survey.hostUserId, rating, lowRatingAlert: "alertStatus" in alert } };
    // The booking's rating is computed from all its answers: answers to one booking take turns.
    await tx.$queryRaw`SELECT "id" FROM "Booking" WHERE "id" = ${row.bookingId} FOR NO KEY UPDATE NOWAIT`;
    await writeBookingRating(tx, row.bookingId);
    await appendAuditEntry(tx, {
      bookingId: row.bookingId,
      action: "SURVEY_ANSWERED",
      actor: { kind: "client" },
      source: "SURVEY_RESPONSE",
      at: now,
      details: { attendee: row.attendeeEmail, rating, ...(text ? { comment: text } : {}) },
    });
    return { ok: true, survey: { ...found.survey, answer: { rating, comment: text, answeredAt: now } }, recorded: true };
  }, CONNECTION_WAIT));
  // After commit, when the answer queued the host's alert: delivery sends it at once.
  const committed = answered as { surveyId: number; event: SurveyAnsweredData } | null;
  if (committed?.event.lowRatingAlert) await publishAppEvents([surveyAnsweredEvent(committed.surveyId, committed.event)]);
  return outcome;
}

/**
 * Cal.com's `Booking.rating` is one number: the rounded mean of the booking's answered surveys (a
 * group session's clients together); `ratingFeedback` holds their comments, each with its author.
 */
async function writeBookingRating(tx: PrismaTransaction, bookingId: number): Promise<void> {
  const answers = await tx.app_SessionCheckout_Survey.findMany({
    where: { bookingId, status: "ANSWERED", rating: { not: null } },
    select: { attendeeName: true, rating: true, comment: true },
    orderBy: { answeredAt: "asc" },
  });
  const ratings = answers.map((a) => a.rating!);
  const mean = ratings.reduce((sum, r) => sum + r, 0) / ratings.length;
  const comments = answers.filter((a) => a.comment);
  await tx.booking.update({
    where: { id: bookingId },
    data: {
      rating: Math.round(mean),
      ratingFeedback: comments.length === 0 ? null : answers.length === 1 ? comments[0]!.comment : comments.map((a) => `${a.attendeeName}: ${a.comment}`).join("\n\n"),
    },
  });
}
