import { TRPCError } from "@trpc/server";

import { assertReschedulable, SessionCheckoutError } from "@calcom/app-store/session-checkout/lib/reschedule-guard";
import type { PrismaTransaction } from "@calcom/prisma";

/**
 * The booking a reschedule replaces, as Cal.com finds it (packages/features/bookings/lib/
 * handleNewBooking/originalRescheduledBookingUtils.ts, getOriginalRescheduledBooking): every
 * reschedule path — the host's "Reschedule booking", the attendee's link, a drag here — goes
 * through it. A cancelled booking cannot be rescheduled unless a reschedule cancelled it; apps may
 * veto — the one edit the install guide asks of an operator is the guard call below, at the same
 * place in Cal.com's function.
 */
export async function getOriginalRescheduledBooking(tx: PrismaTransaction, bookingId: number) {
  // The same row lock a checkout takes, so a reschedule and a checkout never both win.
  await tx.$queryRaw`SELECT "id" FROM "Booking" WHERE "id" = ${bookingId} FOR NO KEY UPDATE`;
  const original = await tx.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      uid: true,
      userId: true,
      eventTypeId: true,
      title: true,
      description: true,
      location: true,
      status: true,
      rescheduled: true,
      attendees: { select: { email: true, name: true, timeZone: true }, orderBy: { id: "asc" } },
    },
  });
  if (!original) throw new TRPCError({ code: "NOT_FOUND", message: "Booking not found." });
  if (original.status === "CANCELLED" && !original.rescheduled) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Cancelled bookings cannot be rescheduled." });
  // Session Checkout: a Completed session stays where it happened.
  await assertReschedulable(tx, original.id).catch((error: unknown) => {
    throw error instanceof SessionCheckoutError ? new TRPCError({ code: error.code, message: error.message }) : error;
  });
  return original;
}
