import type { PrismaClient } from "@calcom/prisma";

import { brandColorOrDefault, formatForClient } from "../../components/format";
import { renderSurveyRequest } from "../../emails/render-survey-request";
import { appendAuditEntries, type AuditEntryInput } from "../audit";
import { createSurveyToken } from "../survey-token";
import { normalizeEmail } from "../transitions";
import { CONNECTION_WAIT } from "./transaction-options";

/** What the delivery needs of a mail transport (nodemailer's `Transporter` is one). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; html: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
}

export const MAX_ATTEMPTS = 5;
/** Pauses before the 2nd … 5th attempt. */
const RETRY_MINUTES = [1, 5, 30, 120];
/** A claimed survey is not picked up by another sender for this long, even if this one dies (far beyond the transport's 30 s timeouts). */
const LEASE_MS = 10 * 60_000;
const SYSTEM = { kind: "system" } as const;

export interface DeliveryResult {
  sent: number[];
  retrying: number[];
  failed: number[];
  cancelled: number[];
  /** The last sending error, for the operator's log. */
  lastError?: string;
}

/**
 * Sends the survey emails that are due, from the outbox. Rows are claimed first (`FOR UPDATE SKIP
 * LOCKED`, and a lease on `nextAttemptAt`), so concurrent senders never send one twice. Each is
 * checked again at send time — the checkout still stands, the attendee was not marked absent, the
 * host still sends surveys — and cancelled if not. A failure is recorded with its reason and tried
 * again later; after the last attempt the survey is FAILED. Nothing here touches a checkout.
 */
export async function deliverDueSurveys(
  db: PrismaClient,
  { transport, from, webappUrl, now = new Date(), limit = 100 }: { transport: MailTransport; from: string; webappUrl: string; now?: Date; limit?: number },
): Promise<DeliveryResult> {
  const claimed = await db.$transaction(
    (tx) => tx.$queryRaw<Array<{ id: number; attempts: number }>>`
      UPDATE "App_SessionCheckout_Survey" s
      SET "attempts" = s."attempts" + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
      WHERE s."id" IN (
        SELECT "id" FROM "App_SessionCheckout_Survey"
        WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING s."id", s."attempts"`,
    CONNECTION_WAIT,
  );
  const result: DeliveryResult = { sent: [], retrying: [], failed: [], cancelled: [] };
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
          sessionCheckout: { select: { state: true } },
          attendees: { select: { email: true, timeZone: true, noShow: true } },
          user: { select: { name: true, brandColor: true, sessionCheckoutSettings: { select: { surveysEnabled: true } } } },
        },
      },
    },
  });

  const audit: AuditEntryInput[] = [];
  await Promise.allSettled(
    rows.map(async (row) => {
      const attempts = attemptsOf.get(row.id) ?? MAX_ATTEMPTS;
      // Writes that belong to this claim only: another sender that re-claimed the row (after the lease) has moved `attempts` on.
      const ours = { id: row.id, status: "QUEUED" as const, attempts };
      const attendees = row.booking.attendees.filter((a) => normalizeEmail(a.email) === row.attendeeEmail);
      const stillDue =
        row.booking.sessionCheckout?.state === "ACTIVE" &&
        attendees.length > 0 &&
        attendees.every((a) => a.noShow !== true) &&
        row.booking.user?.sessionCheckoutSettings?.surveysEnabled === true;
      if (!stillDue) {
        await db.app_SessionCheckout_Survey.updateMany({ where: ours, data: { status: "CANCELLED" } });
        result.cancelled.push(row.id);
        return;
      }
      // A slow batch may outlive its claim: send only while the row is still ours.
      if ((await db.app_SessionCheckout_Survey.count({ where: ours })) === 0) return;
      try {
        const token = createSurveyToken({ surveyId: row.id, issuedAt: now });
        const page = `${webappUrl.replace(/\/$/, "")}/api/integrations/session-checkout/survey?token=${token}`;
        const email = await renderSurveyRequest({
          clientName: row.attendeeName,
          hostName: row.booking.user?.name ?? "your host",
          brandColor: brandColorOrDefault(row.booking.user?.brandColor),
          sessionTitle: row.booking.title,
          sessionWhen: formatForClient(row.booking.startTime, attendees[0]!.timeZone),
          ratingLinks: [1, 2, 3, 4, 5].map((rating) => `${page}&rating=${rating}`),
          hideBranding: false,
        });
        await transport.sendMail({ from, to: row.attendeeEmail, ...email });
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        result.lastError = reason;
        if (attempts >= MAX_ATTEMPTS) {
          await db.app_SessionCheckout_Survey.updateMany({ where: ours, data: { status: "FAILED", lastError: reason } });
          audit.push({ bookingId: row.bookingId, action: "SURVEY_FAILED", actor: SYSTEM, source: "SURVEY_DELIVERY", at: now, details: { attendee: row.attendeeEmail, attempts, reason } });
          result.failed.push(row.id);
        } else {
          const retryAt = new Date(now.getTime() + RETRY_MINUTES[attempts - 1]! * 60_000);
          await db.app_SessionCheckout_Survey.updateMany({ where: ours, data: { lastError: reason, nextAttemptAt: retryAt } });
          result.retrying.push(row.id);
        }
        return;
      }
      // The email is out: whatever happens now, it is never sent again by this claim. A row no longer
      // ours (cancelled meanwhile) still gets its History entry, which says so.
      result.sent.push(row.id);
      const marked = await db.app_SessionCheckout_Survey
        .updateMany({ where: ours, data: { status: "SENT", sentAt: now, lastError: null } })
        .catch((error: unknown) => {
          console.error(`[session-checkout] Survey ${row.id} was sent but could not be marked SENT:`, error);
          return { count: 0 };
        });
      audit.push({ bookingId: row.bookingId, action: "SURVEY_SENT", actor: SYSTEM, source: "SURVEY_DELIVERY", at: now, details: { attendee: row.attendeeEmail, ...(marked.count === 0 ? { note: "sent while the survey was withdrawn" } : {}) } });
    }),
  );
  await appendAuditEntries(db, audit);
  return result;
}
