import type { PrismaTransaction } from "@calcom/prisma";

import { bookingsCallerMayActOn, ownershipOf } from "../access";
import type { Actor } from "../actor";
import { bookingNotFound } from "../errors";
import type { SessionSnapshot } from "../transitions";
import { sessionSnapshotSelect, snapshotOf } from "./session-snapshot";

const sessionSelect = {
  ...sessionSnapshotSelect,
  id: true,
  userId: true,
  endTime: true,
  eventType: { select: { teamId: true } },
  attendees: { select: { id: true, email: true, name: true, noShow: true }, orderBy: { id: "asc" } },
} as const;

export interface LockedSession {
  bookingId: number;
  hostUserId: number | null;
  endTime: Date;
  /** The attendee rows behind the snapshot (several rows may share an email). */
  attendeeRows: ReadonlyArray<{ id: number; email: string; noShow: boolean }>;
  snapshot: SessionSnapshot;
}

/**
 * Locks the bookings and their attendee rows for the rest of the transaction, then reads what the
 * rules need. The booking lock serialises every change the app makes to one session; the
 * attendee locks also hold off Cal.com's own no-show writes (which never take the booking lock),
 * so the attendees the rules read are the ones that count until the transaction ends. Rows are
 * locked in id order, so two batches never deadlock. Bookings the actor may not act on are left
 * out, as are ids that do not exist.
 */
export async function lockSessionsForChange(tx: PrismaTransaction, bookingIds: ReadonlyArray<number>, actor: Actor): Promise<LockedSession[]> {
  const ids = Array.from(new Set(bookingIds));
  if (ids.length === 0) return [];
  const locked = await tx.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "Booking" WHERE "id" = ANY(${ids}::int[]) ORDER BY "id" FOR UPDATE`;
  if (locked.length === 0) return [];
  const lockedIds = locked.map((row) => row.id);
  await tx.$queryRaw`SELECT "id" FROM "Attendee" WHERE "bookingId" = ANY(${lockedIds}::int[]) ORDER BY "id" FOR UPDATE`;

  const bookings = await tx.booking.findMany({ where: { id: { in: lockedIds } }, select: sessionSelect, orderBy: { id: "asc" } });
  const permitted = actor.kind === "user" ? await bookingsCallerMayActOn(tx, actor.userId, bookings.map((b) => ({ ...ownershipOf(b), booking: b }))) : bookings.map((booking) => ({ booking }));

  return permitted.map(({ booking }) => ({
    bookingId: booking.id,
    hostUserId: booking.userId,
    endTime: booking.endTime,
    attendeeRows: booking.attendees.map(({ id, email, noShow }) => ({ id, email, noShow: noShow === true })),
    snapshot: snapshotOf(booking),
  }));
}

/** One session, locked as above; a booking the actor may not act on is "not found". */
export async function lockSessionForChange(tx: PrismaTransaction, bookingId: number, actor: Actor): Promise<LockedSession> {
  const [session] = await lockSessionsForChange(tx, [bookingId], actor);
  if (!session) throw bookingNotFound();
  return session;
}
