import type { PrismaTransaction } from "@calcom/prisma";

import { callerMayActOnBooking, ownershipOf } from "../access";
import type { Actor } from "../actor";
import { bookingNotFound } from "../errors";
import type { SessionSnapshot } from "../transitions";
import { sessionSnapshotSelect, snapshotOf } from "./session-snapshot";

const sessionSelect = {
  ...sessionSnapshotSelect,
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
 * Locks the booking row for the rest of the transaction, so every change to one session is
 * serialised, then reads what the rules need. A booking the actor may not act on is "not found".
 */
export async function lockSessionForChange(tx: PrismaTransaction, bookingId: number, actor: Actor): Promise<LockedSession> {
  const locked = await tx.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "Booking" WHERE "id" = ${bookingId} FOR UPDATE`;
  if (locked.length === 0) throw bookingNotFound();

  const booking = await tx.booking.findUniqueOrThrow({ where: { id: bookingId }, select: sessionSelect });
  if (actor.kind === "user" && !(await callerMayActOnBooking(tx, actor.userId, ownershipOf(booking)))) throw bookingNotFound();

  return {
    bookingId,
    hostUserId: booking.userId,
    endTime: booking.endTime,
    attendeeRows: booking.attendees.map(({ id, email, noShow }) => ({ id, email, noShow: noShow === true })),
    snapshot: snapshotOf(booking),
  };
}
