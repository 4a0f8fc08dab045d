import type { PrismaClient } from "@calcom/prisma";

import { brandColorOrDefault, formatForClient } from "../../components/format";
import { renderLowRatingAlert } from "../../emails/render";
import { appendAuditEntries, type AuditEntryInput } from "../audit";
import { DEFAULT_SETTINGS, needsLowRatingAlert } from "../settings";
import { ALERT_OUTBOX, LEASE_MS, recordAllSent, recordFailure, stillOursAmong, type Claim } from "./outbox";
import type { MailTransport } from "./survey-delivery";
import { CONNECTION_WAIT } from "./transaction-options";

const SYSTEM = { kind: "system" } as const;

export interface AlertDeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
  dropped: number;
  lastError?: string;
}

/** Cal.com's page of one booking, where the host opens it. */
export const bookingPageUrl = (webappUrl: string, uid: string) => `${webappUrl.replace(/\/+$/, "")}/booking/${encodeURIComponent(uid)}`;

/**
 * Sends the hosts' low-rating alerts that are due: claimed like the surveys (so none goes twice),
 * retried with the same backoff. An alert whose rating no longer calls for one (the host raised or
 * turned off the threshold meanwhile) is dropped unsent.
 */
export async function deliverDueAlerts(
  db: PrismaClient,
  { transport, from, webappUrl, now = new Date(), limit = 100 }: { transport: MailTransport; from: string; webappUrl: string; now?: Date; limit?: number },
): Promise<AlertDeliveryResult> {
  const claimed = await db.$transaction(
    (tx) => tx.$queryRaw<Claim[]>`
      UPDATE "App_SessionCheckout_Survey" s
      SET "alertAttempts" = s."alertAttempts" + 1, "alertNextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
      WHERE s."id" IN (
        SELECT "id" FROM "App_SessionCheckout_Survey"
        WHERE "alertStatus" = 'QUEUED' AND "alertNextAttemptAt" <= ${now}
        ORDER BY "alertNextAttemptAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING s."id", s."alertAttempts" AS "attempts"`,
    CONNECTION_WAIT,
  );
  const result: AlertDeliveryResult = { sent: 0, retrying: 0, failed: 0, dropped: 0 };
  if (claimed.length === 0) return result;
  const claimOf = new Map(claimed.map((claim) => [claim.id, claim]));
  const rows = await db.app_SessionCheckout_Survey.findMany({
    where: { id: { in: claimed.map((row) => row.id) } },
    select: {
      id: true,
      bookingId: true,
      attendeeEmail: true,
      attendeeName: true,
      rating: true,
      comment: true,
      booking: {
        select: {
          uid: true,
          title: true,
          startTime: true,
          user: { select: { name: true, email: true, timeZone: true, brandColor: true, sessionCheckoutSettings: { select: { surveyAlertThreshold: true } } } },
        },
      },
    },
  });

  // One fence check for the batch, right before sending, as for the surveys.
  const ours = await stillOursAmong(db, ALERT_OUTBOX, claimed);
  const audit: AuditEntryInput[] = [];
  const sentRows: typeof rows = [];
  await Promise.allSettled(
    rows.map(async (row) => {
      const claim = claimOf.get(row.id)!;
      const host = row.booking.user;
      // The threshold as the answer read it (readSettings: the defaults when the host never saved any).
      const threshold = host?.sessionCheckoutSettings?.surveyAlertThreshold ?? DEFAULT_SETTINGS.surveyAlertThreshold;
      if (!host?.email || row.rating === null || !needsLowRatingAlert(row.rating, threshold)) {
        const { count } = await db.app_SessionCheckout_Survey.updateMany({ where: { id: row.id, alertStatus: "QUEUED", alertAttempts: claim.attempts }, data: { alertStatus: null } });
        if (count > 0) result.dropped++;
        return;
      }
      if (!ours.has(row.id)) return;
      try {
        const email = await renderLowRatingAlert({
          hostName: host.name?.trim() || "there",
          clientName: row.attendeeName,
          clientEmail: row.attendeeEmail,
          rating: row.rating,
          comment: row.comment,
          sessionTitle: row.booking.title,
          sessionWhen: formatForClient(row.booking.startTime, host.timeZone),
          bookingLink: bookingPageUrl(webappUrl, row.booking.uid),
          brandColor: brandColorOrDefault(host.brandColor),
        });
        // Reply goes to the client: the host can answer the feedback straight away.
        await transport.sendMail({ from, to: host.email, replyTo: row.attendeeEmail, ...email });
      } catch (error) {
        const { outcome, reason } = await recordFailure(db, ALERT_OUTBOX, claim, error, now);
        result.lastError = reason;
        if (outcome === "lapsed") return;
        if (outcome === "failed") {
          audit.push({ bookingId: row.bookingId, action: "LOW_RATING_ALERT_FAILED", actor: SYSTEM, source: "SURVEY_DELIVERY", at: now, details: { attendee: row.attendeeEmail, attempts: claim.attempts, reason } });
          result.failed++;
        } else {
          result.retrying++;
        }
        return;
      }
      sentRows.push(row);
    }),
  );
  await recordAllSent(db, ALERT_OUTBOX, sentRows.map((row) => claimOf.get(row.id)!), now).catch((error: unknown) =>
    console.error(`[session-checkout] ${sentRows.length} alert(s) were sent but could not be marked SENT:`, error),
  );
  sentRows.forEach((row) => {
    result.sent++;
    audit.push({ bookingId: row.bookingId, action: "LOW_RATING_ALERT_SENT", actor: SYSTEM, source: "SURVEY_DELIVERY", at: now, details: { attendee: row.attendeeEmail, rating: row.rating } });
  });
  await appendAuditEntries(db, audit);
  return result;
}
