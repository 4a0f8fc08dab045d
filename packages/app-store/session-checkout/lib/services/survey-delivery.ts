import type { PrismaClient } from "@calcom/prisma";

import { formatForClient } from "../../components/format";
import { renderSurveyRequest } from "../../emails/render";
import { appendAuditEntries, type AuditEntryInput } from "../audit";
import { BRANDING_SELECT, brandingOf } from "../survey-branding";
import { surveyLinks } from "../survey-links";
import { surveyWithheldBecause } from "../survey-eligibility";
import { normalizeEmail } from "../transitions";
import { LEASE_MS, recordAllSent, recordFailure, SEND_WINDOW_MS, stillOursAmong, SURVEY_OUTBOX, type Claim } from "./outbox";
import { CONNECTION_WAIT } from "./transaction-options";

export { MAX_ATTEMPTS } from "./outbox";

/** What the delivery needs of a mail transport (nodemailer's `Transporter` is one). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; replyTo?: string; subject: string; html: string; text: string; headers?: Record<string, string>; textEncoding?: "base64" | "quoted-printable" }): Promise<unknown>;
}

/**
 * A host's survey emails per minute, at most: a bulk checkout of hundreds of sessions goes out over
 * a few minutes instead of in one burst (mail providers throttle or flag a sudden burst from one
 * sender). Counted over the attempts of the last minute, so retries count too.
 */
export const SURVEYS_PER_HOST_PER_MINUTE = 100;
const SYSTEM = { kind: "system" } as const;

export interface DeliveryResult {
  sent: number[];
  retrying: number[];
  failed: number[];
  cancelled: number[];
  /** The last sending error, for the operator's log. */
  lastError?: string;
}

interface DeliveryOptions {
  transport: MailTransport;
  from: string;
  webappUrl: string;
  now?: Date;
  limit?: number;
  perHostPerMinute?: number;
}

/**
 * Sends the survey emails that are due, from the outbox. Rows are claimed first (`FOR UPDATE SKIP
 * LOCKED`, and a lease on `nextAttemptAt`), so concurrent senders never send one twice. Each is
 * checked again at send time — the checkout still stands, the attendee was not marked absent, the
 * host still sends surveys, the address has not unsubscribed — and cancelled if not. A failure is
 * recorded with its reason and tried again later; after the last attempt the survey is FAILED.
 * Nothing here touches a checkout.
 */
export async function deliverDueSurveys(db: PrismaClient, { transport, from, webappUrl, now = new Date(), limit = 100, perHostPerMinute = SURVEYS_PER_HOST_PER_MINUTE }: DeliveryOptions): Promise<DeliveryResult> {
  const claimed = await claimDueSurveys(db, { now, limit, perHostPerMinute });
  const result: DeliveryResult = { sent: [], retrying: [], failed: [], cancelled: [] };
  if (claimed.length === 0) return result;
  const claimOf = new Map(claimed.map((claim) => [claim.id, claim]));
  // Measured on the process clock: the window is about real time spent, whatever `now` says.
  const sendBefore = Date.now() + SEND_WINDOW_MS;

  const rows = await db.app_SessionCheckout_Survey.findMany({
    where: { id: { in: claimed.map((row) => row.id) } },
    select: {
      id: true,
      bookingId: true,
      attendeeEmail: true,
      attendeeName: true,
      booking: {
        select: {
          title: true,
          startTime: true,
          userId: true,
          sessionCheckout: { select: { state: true } },
          attendees: { select: { email: true, timeZone: true, noShow: true } },
          ...BRANDING_SELECT,
          user: { select: { ...BRANDING_SELECT.user.select, sessionCheckoutSettings: { select: { surveysEnabled: true } } } },
        },
      },
    },
  });
  const optedOut = await optedOutPairs(db, rows.map((row) => ({ hostUserId: row.booking.userId, email: row.attendeeEmail })));

  const audit: AuditEntryInput[] = [];
  // Withdraw what may no longer go (one rule with Resend: surveyWithheldBecause).
  const sendable: typeof rows = [];
  await Promise.all(
    rows.map(async (row) => {
      const claim = claimOf.get(row.id)!;
      const withheld = surveyWithheldBecause({
        checkoutState: row.booking.sessionCheckout?.state,
        attendees: row.booking.attendees,
        attendeeEmail: row.attendeeEmail,
        surveysEnabled: row.booking.user?.sessionCheckoutSettings?.surveysEnabled === true,
        optedOut: optedOut.has(pairKey(row.booking.userId, row.attendeeEmail)),
      });
      if (!withheld) return void sendable.push(row);
      const { count } = await db.app_SessionCheckout_Survey.updateMany({ where: { id: row.id, status: "QUEUED", attempts: claim.attempts, lastAttemptAt: claim.claimedAt }, data: { status: "CANCELLED", cancelReason: withheld } });
      if (count > 0) result.cancelled.push(row.id);
    }),
  );
  // Right before sending, once for the batch: the rows still ours (an undo a moment ago has withdrawn its row).
  const ours = await stillOursAmong(db, SURVEY_OUTBOX, sendable.map((row) => claimOf.get(row.id)!));
  const sentRows: typeof rows = [];
  await Promise.allSettled(
    sendable.map(async (row) => {
      const claim = claimOf.get(row.id)!;
      // Early enough in the lease that the pooled transport hands it over before the lease runs out.
      if (!ours.has(row.id) || Date.now() > sendBefore) return;
      const attendee = row.booking.attendees.find((a) => normalizeEmail(a.email) === row.attendeeEmail);
      try {
        const links = surveyLinks({ surveyId: row.id, webappUrl, issuedAt: now });
        const email = await renderSurveyRequest({
          clientName: row.attendeeName,
          branding: brandingOf(row.booking, webappUrl),
          sessionTitle: row.booking.title,
          sessionWhen: formatForClient(row.booking.startTime, attendee?.timeZone ?? "UTC"),
          ratingLinks: links.ratings,
          unsubscribeLink: links.unsubscribe,
        });
        await transport.sendMail({
          from,
          to: row.attendeeEmail,
          ...email,
          // RFC 8058: the mail provider's own "Unsubscribe" button POSTs to this address, no page in between.
          headers: { "List-Unsubscribe": `<${links.unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
          // Base64 is encoded natively; quoted-printable in JavaScript cost more than everything else in a send (measured).
          textEncoding: "base64",
        });
      } catch (error) {
        const { outcome, reason } = await recordFailure(db, SURVEY_OUTBOX, claim, error, now);
        result.lastError = reason;
        if (outcome === "lapsed") return;
        if (outcome === "failed") {
          audit.push({ bookingId: row.bookingId, action: "SURVEY_FAILED", actor: SYSTEM, source: "SURVEY_DELIVERY", at: now, details: { attendee: row.attendeeEmail, attempts: claim.attempts, reason } });
          result.failed.push(row.id);
        } else {
          result.retrying.push(row.id);
        }
        return;
      }
      // The email is out: whatever happens now, it is never sent again by this claim.
      sentRows.push(row);
    }),
  );
  // One statement marks the batch's sent emails. A row no longer ours (withdrawn meanwhile) still gets its History entry, which says so.
  const marked = await recordAllSent(db, SURVEY_OUTBOX, sentRows.map((row) => claimOf.get(row.id)!), now).catch((error: unknown) => {
    console.error(`[session-checkout] ${sentRows.length} survey(s) were sent but could not be marked SENT:`, error);
    return new Set<number>();
  });
  sentRows.forEach((row) => {
    result.sent.push(row.id);
    audit.push({ bookingId: row.bookingId, action: "SURVEY_SENT", actor: SYSTEM, source: "SURVEY_DELIVERY", at: now, details: { attendee: row.attendeeEmail, ...(marked.has(row.id) ? {} : { note: "sent while the survey was withdrawn" }) } });
  });
  await appendAuditEntries(db, audit);
  return result;
}

/** Claimers of survey rows take turns (a transaction-scoped advisory lock), so a host's allowance counts every claim. */
const CLAIM_LOCK_KEY = 0x5c_0ec7; // "session checkout", as a number

/**
 * Claims up to `limit` due surveys, oldest first, within each host's allowance for the minute. The
 * allowance is applied before the limit, so a host's backlog beyond it is simply not picked: it
 * never fills a batch and never holds up another host's clients.
 */
async function claimDueSurveys(db: PrismaClient, { now, limit, perHostPerMinute }: { now: Date; limit: number; perHostPerMinute: number }): Promise<Claim[]> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`;
    return tx.$queryRaw<Claim[]>`
      WITH recent AS (
        SELECT coalesce(b."userId", 0) AS host, count(*)::int AS attempts
        FROM "App_SessionCheckout_Survey" s JOIN "Booking" b ON b."id" = s."bookingId"
        WHERE s."lastAttemptAt" > ${minuteAgo}
        GROUP BY 1
      ),
      due AS (
        SELECT s."id",
               coalesce(recent.attempts, 0) + row_number() OVER (PARTITION BY coalesce(b."userId", 0) ORDER BY s."nextAttemptAt", s."id") AS nth
        FROM "App_SessionCheckout_Survey" s
        JOIN "Booking" b ON b."id" = s."bookingId"
        LEFT JOIN recent ON recent.host = coalesce(b."userId", 0)
        WHERE s."status" = 'QUEUED' AND s."nextAttemptAt" <= ${now}
      ),
      picked AS (
        SELECT s."id" FROM "App_SessionCheckout_Survey" s
        WHERE s."id" IN (SELECT "id" FROM due WHERE nth <= ${perHostPerMinute})
        ORDER BY s."nextAttemptAt", s."id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "App_SessionCheckout_Survey" s
      SET "attempts" = s."attempts" + 1, "lastAttemptAt" = ${now}, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
      FROM picked
      WHERE s."id" = picked."id"
      RETURNING s."id", s."attempts", s."lastAttemptAt" AS "claimedAt"`;
  }, CONNECTION_WAIT);
}

const pairKey = (hostUserId: number | null, email: string) => `${hostUserId ?? 0} ${email}`;

/** Which of these (host, address) pairs asked for no more surveys. */
async function optedOutPairs(db: PrismaClient, pairs: ReadonlyArray<{ hostUserId: number | null; email: string }>): Promise<Set<string>> {
  const known = pairs.filter((pair): pair is { hostUserId: number; email: string } => pair.hostUserId !== null);
  if (known.length === 0) return new Set();
  const rows = await db.app_SessionCheckout_SurveyOptOut.findMany({
    where: { OR: known.map((pair) => ({ hostUserId: pair.hostUserId, email: pair.email })) },
    select: { hostUserId: true, email: true },
  });
  return new Set(rows.map((row) => pairKey(row.hostUserId, row.email)));
}
