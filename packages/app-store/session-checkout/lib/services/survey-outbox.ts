import { Prisma } from "@calcom/prisma/client";

import { normalizeEmail, type SessionAttendee } from "../transitions";

/**
 * Queuing surveys in the checkout's own statement (the outbox, see checkout-writes.ts). One row per
 * booking and attendee, ever: rows that already exist are skipped, never re-sent; an address that
 * unsubscribed from the booking's host gets none. RETURNING "bookingId" for each row queued; no
 * recipients insert nothing. `onlyIf`, a condition over the rest of the statement (e.g. a CTE's
 * rows), writes nothing when false.
 */
export function surveyInsertSql(batches: ReadonlyArray<{ bookingId: number; recipients: ReadonlyArray<SessionAttendee> }>, onlyIf: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  const data = batches.flatMap((batch) => batch.recipients.map((attendee) => ({ bookingId: batch.bookingId, attendeeEmail: normalizeEmail(attendee.email), attendeeName: attendee.name })));
  // ON CONFLICT DO NOTHING: the unique (booking, email) keeps every existing row as it is.
  return Prisma.sql`
    INSERT INTO "App_SessionCheckout_Survey" ("bookingId", "attendeeEmail", "attendeeName")
    SELECT q.booking_id, q.email, q.name
    FROM unnest(${data.map((row) => row.bookingId)}::int[], ${data.map((row) => row.attendeeEmail)}::text[], ${data.map((row) => row.attendeeName)}::text[]) AS q(booking_id, email, name)
    JOIN "Booking" b ON b."id" = q.booking_id
    WHERE NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_SurveyOptOut" o WHERE o."hostUserId" = b."userId" AND o."email" = q.email) AND ${onlyIf}
    ON CONFLICT ("bookingId", "attendeeEmail") DO NOTHING
    RETURNING "bookingId"`;
}
