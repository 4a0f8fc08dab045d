import type { PrismaClient } from "@calcom/prisma";

import { formatForClient } from "../../components/format";
import { renderSurveyRequest } from "../../emails/render";
import { appendAuditEntries, type AuditEntryInput } from "../audit";
import { BRANDING_SELECT, brandingOf } from "../survey-branding";
import { surveyLinks } from "../survey-links";
import { normalizeEmail } from "../transitions";
import { isStillOurs, LEASE_MS, recordFailure, recordSent, SURVEY_OUTBOX, type Claim } from "./outbox";
import { CONNECTION_WAIT } from "./transaction-options";

export { MAX_ATTEMPTS } from "./outbox";

/** What the delivery needs of a mail transport (nodemailer's `Transporter` is one). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; html: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
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
  /** Surveys over their host's per-minute allowance, left for the next minute. */
  deferred: number;
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
  const { claimed, deferred } = await claimDueSurveys(db, { now, limit, perHostPerMinute });
  const result: DeliveryResult = { sent: [], retrying: [], failed: [], cancelled: [], deferred };
  if (claimed.length === 0) return result;
  const attemptsOf = new Map(claimed.map((row) => [row.id, row.attempts]));

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
  await Promise.allSettled(
    rows.map(async (row) => {
      const claim: Claim = { id: row.id, attempts: attemptsOf.get(row.id)! };
      const attendees = row.booking.attendees.filter((a) => normalizeEmail(a.email) === row.attendeeEmail);
      const stillDue =
        row.booking.sessionCheckout?.state === "ACTIVE" &&
        attendees.length > 0 &&
        attendees.every((a) => a.noShow !== true) &&
        row.booking.user?.sessionCheckoutSettings?.surveysEnabled === true &&
        !optedOut.has(pairKey(row.booking.userId, row.attendeeEmail));
      if (!stillDue) {
        await db.app_SessionCheckout_Survey.updateMany({ where: { id: row.id, status: "QUEUED", attempts: claim.attempts }, data: { status: "CANCELLED" } });
        result.cancelled.push(row.id);
        return;
      }
      // A slow batch may outlive its claim: send only while the row is still ours.
      if (!(await isStillOurs(db, SURVEY_OUTBOX, claim))) return;
      try {
        const links = surveyLinks({ surveyId: row.id, webappUrl, issuedAt: now });
        const email = await renderSurveyRequest({
          clientName: row.attendeeName,
          branding: brandingOf(row.booking, webappUrl),
          sessionTitle: row.booking.title,
          sessionWhen: formatForClient(row.booking.startTime, attendees[0]!.timeZone),
          ratingLinks: links.ratings,
          unsubscribeLink: links.unsubscribe,
        });
        await transport.sendMail({
          from,
          to: row.attendeeEmail,
          ...email,
          // RFC 8058: the mail provider's own "Unsubscribe" button POSTs to this address, no page in between.
          headers: { "List-Unsubscribe": `<${links.unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        });
      } catch (error) {
        const { outcome, reason } = await recordFailure(db, SURVEY_OUTBOX, claim, error, now);
        result.lastError = reason;
        if (outcome === "failed") {
          audit.push({ bookingId: row.bookingId, action: "SURVEY_FAILED", actor: SYSTEM, source: "SURVEY_DELIVERY", at: now, details: { attendee: row.attendeeEmail, attempts: claim.attempts, reason } });
          result.failed.push(row.id);
        } else {
          result.retrying.push(row.id);
        }
        return;
      }
      // The email is out: whatever happens now, it is never sent again by this claim. A row no longer
      // ours (cancelled meanwhile) still gets its History entry, which says so.
      result.sent.push(row.id);
      const marked = await recordSent(db, SURVEY_OUTBOX, claim, now).catch((error: unknown) => {
        console.error(`[session-checkout] Survey ${row.id} was sent but could not be marked SENT:`, error);
        return false;
      });
      audit.push({ bookingId: row.bookingId, action: "SURVEY_SENT", actor: SYSTEM, source: "SURVEY_DELIVERY", at: now, details: { attendee: row.attendeeEmail, ...(marked ? {} : { note: "sent while the survey was withdrawn" }) } });
    }),
  );
  await appendAuditEntries(db, audit);
  return result;
}

/**
 * Claims up to `limit` due surveys, oldest first, within each host's allowance for the minute; a
 * host's surveys beyond it move to the next minute (behind the others, so one host's bulk checkout
 * never holds up another host's clients).
 */
async function claimDueSurveys(db: PrismaClient, { now, limit, perHostPerMinute }: { now: Date; limit: number; perHostPerMinute: number }): Promise<{ claimed: Claim[]; deferred: number }> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  const rows = await db.$transaction(
    (tx) => tx.$queryRaw<Array<{ id: number; attempts: number; claimed: boolean }>>`
      WITH due AS (
        SELECT s."id", b."userId" AS host, s."nextAttemptAt"
        FROM "App_SessionCheckout_Survey" s JOIN "Booking" b ON b."id" = s."bookingId"
        WHERE s."status" = 'QUEUED' AND s."nextAttemptAt" <= ${now}
        ORDER BY s."nextAttemptAt", s."id"
        LIMIT ${limit}
        FOR UPDATE OF s SKIP LOCKED
      ),
      recent AS (
        SELECT b."userId" AS host, count(*)::int AS attempts
        FROM "App_SessionCheckout_Survey" s JOIN "Booking" b ON b."id" = s."bookingId"
        WHERE s."lastAttemptAt" > ${minuteAgo} AND b."userId" IN (SELECT host FROM due)
        GROUP BY b."userId"
      ),
      ranked AS (
        SELECT due."id", coalesce(recent.attempts, 0) + row_number() OVER (PARTITION BY due.host ORDER BY due."nextAttemptAt", due."id") <= ${perHostPerMinute} AS allowed
        FROM due LEFT JOIN recent ON recent.host IS NOT DISTINCT FROM due.host
      )
      UPDATE "App_SessionCheckout_Survey" s
      SET "attempts" = CASE WHEN ranked.allowed THEN s."attempts" + 1 ELSE s."attempts" END,
          "lastAttemptAt" = CASE WHEN ranked.allowed THEN ${now} ELSE s."lastAttemptAt" END,
          "nextAttemptAt" = CASE WHEN ranked.allowed THEN ${new Date(now.getTime() + LEASE_MS)}::timestamp ELSE ${new Date(now.getTime() + 60_000)}::timestamp END
      FROM ranked
      WHERE s."id" = ranked."id"
      RETURNING s."id", s."attempts", ranked.allowed AS claimed`,
    CONNECTION_WAIT,
  );
  const claimed = rows.filter((row) => row.claimed).map(({ id, attempts }) => ({ id, attempts }));
  return { claimed, deferred: rows.length - claimed.length };
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
