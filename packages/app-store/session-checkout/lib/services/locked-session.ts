import type { PrismaTransaction } from "@calcom/prisma";
import type { BookingStatus } from "@calcom/prisma/enums";

import { bookingsCallerMayActOn } from "../access";
import type { Actor } from "../actor";
import { bookingNotFound } from "../errors";
import type { CheckoutState } from "../status";
import type { SessionSnapshot } from "../transitions";
import { snapshotOf } from "./session-snapshot";

export interface LockedSession {
  bookingId: number;
  hostUserId: number | null;
  endTime: Date;
  /** The attendee rows behind the snapshot (several rows may share an email). */
  attendeeRows: ReadonlyArray<{ id: number; email: string; noShow: boolean }>;
  snapshot: SessionSnapshot;
}

/**
 * Locks the bookings and their attendee rows for the rest of the transaction, reading what the
 * rules need as it locks them. The booking lock serialises every change the app makes to one session; the
 * attendee locks also hold off Cal.com's own no-show writes (which never take the booking lock),
 * so the attendees the rules read are the ones that count until the transaction ends. Rows are
 * locked in id order, so two batches never deadlock. Bookings the actor may not act on are left
 * out, as are ids that do not exist.
 */
export async function lockSessionsForChange(tx: PrismaTransaction, bookingIds: ReadonlyArray<number>, actor: Actor): Promise<LockedSession[]> {
  const ids = Array.from(new Set(bookingIds));
  if (ids.length === 0) return [];
  // Three statements for any number of sessions. The lock first, on its own: a statement that waited
  // for a lock reads the other tables as they were when it began, so the reads come after it.
  const locked = await tx.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "Booking" WHERE "id" = ANY(${ids}::int[]) ORDER BY "id" FOR UPDATE`;
  if (locked.length === 0) return [];
  const bookings = await tx.$queryRaw<Array<{ id: number; userId: number | null; status: BookingStatus; startTime: Date; endTime: Date; teamId: number | null; checkoutState: CheckoutState | null }>>`
    -- upper(): the enum's database values are Cal.com's names in lower case ('accepted' is ACCEPTED).
    -- Correlated look-ups, one primary-key probe a row: a join would hash every checkout ever made.
    SELECT b."id", b."userId", upper(b."status"::text) AS "status", b."startTime", b."endTime",
           (SELECT e."teamId" FROM "EventType" e WHERE e."id" = b."eventTypeId") AS "teamId",
           (SELECT c."state"::text FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = b."id") AS "checkoutState"
    FROM "Booking" b
    WHERE b."id" = ANY(${locked.map((row) => row.id)}::int[])
    ORDER BY b."id"`;
  const attendees = await tx.$queryRaw<Array<{ id: number; bookingId: number; email: string; name: string; noShow: boolean | null }>>`
    SELECT "id", "bookingId", "email", "name", "noShow" FROM "Attendee"
    WHERE "bookingId" = ANY(${bookings.map((b) => b.id)}::int[])
    ORDER BY "id"
    FOR UPDATE`;

  const permitted =
    actor.kind === "user"
      ? await bookingsCallerMayActOn(tx, actor.userId, bookings.map((b) => ({ userId: b.userId, teamId: b.teamId, booking: b })))
      : bookings.map((booking) => ({ booking }));
  const attendeesOf = new Map<number, typeof attendees>();
  attendees.forEach((attendee) => attendeesOf.set(attendee.bookingId, [...(attendeesOf.get(attendee.bookingId) ?? []), attendee]));

  return permitted.map(({ booking }) => {
    const rows = attendeesOf.get(booking.id) ?? [];
    return {
      bookingId: booking.id,
      hostUserId: booking.userId,
      endTime: booking.endTime,
      attendeeRows: rows.map(({ id, email, noShow }) => ({ id, email, noShow: noShow === true })),
      snapshot: snapshotOf({ status: booking.status, startTime: booking.startTime, attendees: rows, sessionCheckout: booking.checkoutState ? { state: booking.checkoutState } : null }),
    };
  });
}

/** One session, locked as above; a booking the actor may not act on is "not found". */
export async function lockSessionForChange(tx: PrismaTransaction, bookingId: number, actor: Actor): Promise<LockedSession> {
  const [session] = await lockSessionsForChange(tx, [bookingId], actor);
  if (!session) throw bookingNotFound();
  return session;
}
