import type { PrismaTransaction } from "@calcom/prisma";

import { normalizeEmail, type SessionAttendee } from "../transitions";

/**
 * Queues surveys in the checkout's own transaction (the outbox). One row per booking and attendee,
 * ever: rows that already exist are skipped, never re-sent; an address that unsubscribed from the
 * booking's host gets none. Returns how many were queued per booking.
 */
export async function queueSurveys(tx: PrismaTransaction, batches: ReadonlyArray<{ bookingId: number; recipients: ReadonlyArray<SessionAttendee> }>): Promise<Map<number, number>> {
  const queued = new Map(batches.map((batch) => [batch.bookingId, 0]));
  const data = batches.flatMap((batch) => batch.recipients.map((attendee) => ({ bookingId: batch.bookingId, attendeeEmail: normalizeEmail(attendee.email), attendeeName: attendee.name })));
  if (data.length === 0) return queued;
  // ON CONFLICT DO NOTHING: the unique (booking, email) keeps every existing row as it is.
  const rows = await tx.$queryRaw<Array<{ bookingId: number }>>`
    INSERT INTO "App_SessionCheckout_Survey" ("bookingId", "attendeeEmail", "attendeeName")
    SELECT q.booking_id, q.email, q.name
    FROM unnest(${data.map((row) => row.bookingId)}::int[], ${data.map((row) => row.attendeeEmail)}::text[], ${data.map((row) => row.attendeeName)}::text[]) AS q(booking_id, email, name)
    JOIN "Booking" b ON b."id" = q.booking_id
    WHERE NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_SurveyOptOut" o WHERE o."hostUserId" = b."userId" AND o."email" = q.email)
    ON CONFLICT ("bookingId", "attendeeEmail") DO NOTHING
    RETURNING "bookingId"`;
  for (const row of rows) queued.set(row.bookingId, (queued.get(row.bookingId) ?? 0) + 1);
  return queued;
}
