import type { PrismaTransaction } from "@calcom/prisma";

import { callerMayActOnBooking } from "../access";
import type { Actor } from "../actor";
import { bookingNotFound } from "../errors";
import type { SessionSnapshot } from "../transitions";

const sessionSelect = {
  id: true,
  userId: true,
  startTime: true,
  endTime: true,
  status: true,
  eventType: { select: { teamId: true } },
  attendees: { select: { id: true, email: true, name: true, noShow: true }, orderBy: { id: "asc" } },
  sessionCheckout: { select: { state: true } },
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
  const ownership = { userId: booking.userId, teamId: booking.eventType?.teamId ?? null };
  if (actor.kind === "user" && !(await callerMayActOnBooking(tx, actor.userId, ownership))) throw bookingNotFound();

  return {
    bookingId,
    hostUserId: booking.userId,
    endTime: booking.endTime,
    attendeeRows: booking.attendees.map(({ id, email, noShow }) => ({ id, email, noShow: noShow === true })),
    snapshot: {
      bookingStatus: booking.status,
      startTime: booking.startTime,
      checkoutState: booking.sessionCheckout?.state ?? null,
      attendees: booking.attendees.map(({ email, name, noShow }) => ({ email, name, noShow: noShow === true })),
    },
  };
}
