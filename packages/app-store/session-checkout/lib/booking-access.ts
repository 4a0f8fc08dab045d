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

/** The bookings of `bookings` the caller may act on, in their order. */
export async function bookingsCallerMayAccess<T extends BookingOrganizer>(db: PrismaClient, callerId: number, bookings: ReadonlyArray<T>): Promise<T[]> {
  const allowed = await Promise.all(bookings.map((booking) => mayAccessBooking(db, callerId, booking)));
  return bookings.filter((_, index) => allowed[index]);
}

/**
 * Before a transaction that acts for the caller on one booking: NOT_FOUND unless they may act on
 * it (nothing revealed); a caller without the app who finds nothing is told that first, as the
 * installed check of the lock would.
 */
export async function assertMayActOnBooking(db: PrismaClient, callerId: number, bookingId: number, { requireInstalled }: { requireInstalled: boolean }): Promise<void> {
  if (await new BookingAccessService(db).doesUserIdHaveAccessToBooking({ userId: callerId, bookingId })) return;
  if (requireInstalled && !(await isInstalledFor(db, callerId))) throw new SessionCheckoutError("FORBIDDEN", NOT_INSTALLED_MESSAGE);
  throw bookingNotFound();
}
