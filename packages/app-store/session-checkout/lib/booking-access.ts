import { BookingAccessService } from "@calcom/features/bookings/services/BookingAccessService";
import type { PrismaClient } from "@calcom/prisma";

import { bookingNotFound, SessionCheckoutError } from "./errors";
import { isInstalledFor, NOT_INSTALLED_MESSAGE } from "./installation";

/** A booking as read by the caller's statement: its id and organizer. */
export interface BookingOrganizer {
  id: number;
  userId: number | null;
}

/**
 * Who may act on a session is Cal.com's rule, asked of Cal.com's BookingAccessService (the
 * organizer, a host of a multi-host booking, admins of the booking's team, of a managed event
 * type's parent team, of the organizer's organization or teams). The one answer given here without
 * asking is the service's first case, the organizer, for a row the caller has read anyway (a
 * checkout's hot path): it never allows what the service would refuse.
 */
export async function mayAccessBooking(db: PrismaClient, callerId: number, booking: BookingOrganizer): Promise<boolean> {
  if (booking.userId === callerId) return true;
  return new BookingAccessService(db).doesUserIdHaveAccessToBooking({ userId: callerId, bookingId: booking.id });
}

/** How many bookings of one call are asked about at once: each question is a few statements. */
const ACCESS_CHECKS_AT_ONCE = 4;

/** The bookings of `bookings` the caller may act on, in their order (the organizer's own without a question). */
export async function bookingsCallerMayAccess<T extends BookingOrganizer>(db: PrismaClient, callerId: number, bookings: ReadonlyArray<T>): Promise<T[]> {
  const allowed = bookings.map((booking) => booking.userId === callerId);
  const toAsk = bookings.map((_, index) => index).filter((index) => !allowed[index]);
  const service = new BookingAccessService(db);
  const worker = async () => {
    for (let index = toAsk.shift(); index !== undefined; index = toAsk.shift()) {
      allowed[index] = await service.doesUserIdHaveAccessToBooking({ userId: callerId, bookingId: bookings[index]!.id });
    }
  };
  await Promise.all(Array.from({ length: Math.min(ACCESS_CHECKS_AT_ONCE, toAsk.length) }, worker));
  return bookings.filter((_, index) => allowed[index]);
}

/** Who organises a booking and under which event type, as the access check saw them: the lock holds the booking to it. */
export interface CheckedOwnership {
  userId: number | null;
  eventTypeId: number | null;
}

/**
 * Before a transaction that acts for the caller on one booking: NOT_FOUND unless they may act on
 * it (nothing revealed); a caller without the app who finds nothing is told that first, as the
 * installed check of the lock would.
 */
export async function assertMayActOnBooking(db: PrismaClient, callerId: number, bookingId: number, { requireInstalled }: { requireInstalled: boolean }): Promise<CheckedOwnership> {
  // Read first: the lock then holds the booking to this organizer and event type, so a booking
  // reassigned after the question is not changed on its old answer.
  const seen = await db.booking.findUnique({ where: { id: bookingId }, select: { userId: true, eventTypeId: true } });
  if (seen && (await mayAccessBooking(db, callerId, { id: bookingId, userId: seen.userId }))) return seen;
  if (requireInstalled && !(await isInstalledFor(db, callerId))) throw new SessionCheckoutError("FORBIDDEN", NOT_INSTALLED_MESSAGE);
  throw bookingNotFound();
}
