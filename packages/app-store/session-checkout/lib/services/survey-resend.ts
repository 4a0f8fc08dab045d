import type { PrismaClient, PrismaTransaction } from "@calcom/prisma";
import type { App_SessionCheckout_SurveyStatus } from "@calcom/prisma/enums";

import { surveyResendRequestedEvent } from "../../jobs/domain-events";
import { publishAppEvents } from "../../jobs/publish";
import { appendAuditEntry } from "../audit";
import { assertMayActOnBooking, type CheckedOwnership } from "../booking-access";
import { SessionCheckoutError } from "../errors";
import { surveyWithheldBecause, type SurveyWithheldReason } from "../survey-eligibility";
import { normalizeEmail } from "../transitions";
import { concurrentChange } from "./checkout-writes";
import { lockSessionForChange, type LockedSession } from "./locked-session";
import { readSettings } from "./settings-store";
import { retryWhileBusy } from "./session-busy";
import { CONNECTION_WAIT } from "./transaction-options";

export interface SurveyResendInput {
  bookingId: number;
  attendeeEmail: string;
  /** The signed-in user asking; only a user resends (never a job). */
  callerId: number;
  now?: Date;
}

export interface SurveyResendResult {
  bookingId: number;
  attendeeEmail: string;
  status: "QUEUED";
  queuedAt: Date;
}

/** Why a survey in another state cannot be resent, in words a host can act on. */
const NOT_RESENDABLE: Record<Exclude<App_SessionCheckout_SurveyStatus, "FAILED">, string> = {
  QUEUED: "This survey is already queued: it goes out within a minute.",
  SENT: "This survey was already sent.",
  ANSWERED: "This client already answered the survey.",
  CANCELLED: "This survey was withdrawn before it was sent (the checkout was undone or the client marked absent), so it cannot be resent.",
};

/**
 * The host sends a FAILED survey again: under the booking lock (as every change to a session), it
 * checks access, then that the survey failed, the session is still checked out, the client was not
 * marked absent, the host still sends surveys and the client did not unsubscribe; then queues the
 * row for delivery now, with a fresh count of attempts, and writes History. Once committed, an event
 * starts a delivery run at once; a lost event only delays the email to the next minute's run.
 */
export async function resendSurvey(db: PrismaClient, input: SurveyResendInput): Promise<SurveyResendResult> {
  // A stranger's booking is "not found", exactly as for every other action, before anything is locked.
  const checkedOwnership = await assertMayActOnBooking(db, input.callerId, input.bookingId, { requireInstalled: false });
  const { result, hostUserId, surveyId } = await retryWhileBusy(() => db.$transaction((tx) => queueResend(tx, input, checkedOwnership), CONNECTION_WAIT));
  await publishAppEvents([surveyResendRequestedEvent({ bookingId: result.bookingId, hostUserId, surveyId, at: result.queuedAt })]);
  return result;
}

async function queueResend(tx: PrismaTransaction, input: SurveyResendInput, checkedOwnership: CheckedOwnership) {
  const now = input.now ?? new Date();
  const attendeeEmail = normalizeEmail(input.attendeeEmail);
  const session = await lockSessionForChange(tx, input.bookingId, { kind: "user", userId: input.callerId }, { checkedOwnership });
  const survey = await tx.app_SessionCheckout_Survey.findUnique({
    where: { bookingId_attendeeEmail: { bookingId: session.bookingId, attendeeEmail } },
    select: { id: true, status: true },
  });
  if (!survey) throw new SessionCheckoutError("BAD_REQUEST", "This client has no survey for this session.");
  if (survey.status !== "FAILED") throw new SessionCheckoutError("CONFLICT", NOT_RESENDABLE[survey.status]);
  const hostUserId = await assertStillSendable(tx, session, attendeeEmail);

  // Only while still FAILED: a short count means someone changed it since we read it.
  const { count } = await tx.app_SessionCheckout_Survey.updateMany({
    where: { id: survey.id, status: "FAILED" },
    data: { status: "QUEUED", attempts: 0, nextAttemptAt: now, lastError: null },
  });
  if (count !== 1) throw concurrentChange();
  await appendAuditEntry(tx, {
    bookingId: session.bookingId,
    action: "SURVEY_RESENT",
    actor: { kind: "user", userId: input.callerId },
    source: "MANUAL",
    at: now,
    details: { attendee: attendeeEmail },
  });
  const result: SurveyResendResult = { bookingId: session.bookingId, attendeeEmail, status: "QUEUED", queuedAt: now };
  return { result, hostUserId, surveyId: survey.id };
}

const WITHHELD_MESSAGES: Record<SurveyWithheldReason, string> = {
  "checkout-undone": "This session's checkout was undone: check it out again to resend its survey.",
  "not-an-attendee": "This client is no longer an attendee of this session.",
  "marked-absent": "This client is marked No Show: clear the No Show to resend the survey.",
  "surveys-off": "Satisfaction surveys are switched off in the host's settings (Settings › Calendar › General): switch them on to resend.",
  unsubscribed: "The client unsubscribed from your surveys, so it cannot be resent.",
};

/** The conditions delivery checks at send time (one rule, `surveyWithheldBecause`), asked now so the host hears why not. Returns the host. */
async function assertStillSendable(tx: PrismaTransaction, session: LockedSession, attendeeEmail: string): Promise<number> {
  const hostUserId = session.hostUserId;
  const surveysEnabled = hostUserId !== null && (await readSettings(tx, hostUserId)).surveysEnabled;
  const optedOut =
    hostUserId !== null && (await tx.app_SessionCheckout_SurveyOptOut.findUnique({ where: { hostUserId_email: { hostUserId, email: attendeeEmail } }, select: { email: true } })) !== null;
  const withheld = surveyWithheldBecause({ checkoutState: session.snapshot.checkoutState, attendees: session.snapshot.attendees, attendeeEmail, surveysEnabled, optedOut });
  if (withheld) throw new SessionCheckoutError("CONFLICT", WITHHELD_MESSAGES[withheld]);
  return hostUserId!;
}
