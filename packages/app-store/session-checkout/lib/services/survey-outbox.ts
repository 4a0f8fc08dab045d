import type { PrismaTransaction } from "@calcom/prisma";

import { normalizeEmail, type SessionAttendee } from "../transitions";

/**
 * Queues surveys in the checkout's own transaction (the outbox). One row per booking and attendee,
 * ever: rows that already exist are skipped, never re-sent. Returns how many were queued per booking.
 */
export async function queueSurveys(tx: PrismaTransaction, batches: ReadonlyArray<{ bookingId: number; recipients: ReadonlyArray<SessionAttendee> }>): Promise<Map<number, number>> {
  const queued = new Map(batches.map((batch) => [batch.bookingId, 0]));
  const data = batches.flatMap((batch) => batch.recipients.map((attendee) => ({ bookingId: batch.bookingId, attendeeEmail: normalizeEmail(attendee.email), attendeeName: attendee.name })));
  if (data.length === 0) return queued;
  // ON CONFLICT DO NOTHING: the unique (booking, email) keeps every existing row as it is.
  const rows = await tx.$queryRaw<Array<{ bookingId: number }>>`
    INSERT INTO "App_SessionCheckout_Survey" ("bookingId", "attendeeEmail", "attendeeName")
    SELECT * FROM unnest(${data.map((row) => row.bookingId)}::int[], ${data.map((row) => row.attendeeEmail)}::text[], ${data.map((row) => row.attendeeName)}::text[])
    ON CONFLICT ("bookingId", "attendeeEmail") DO NOTHING
    RETURNING "bookingId"`;
  for (const row of rows) queued.set(row.bookingId, (queued.get(row.bookingId) ?? 0) + 1);
  return queued;
}
