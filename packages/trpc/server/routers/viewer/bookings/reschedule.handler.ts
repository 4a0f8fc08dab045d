import { randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";

import type { PrismaClient } from "@calcom/prisma";

import type { TrpcSessionUserData } from "../../../types";
import { getOriginalRescheduledBooking } from "./original-rescheduled-booking";
import type { TRescheduleInputSchema } from "./reschedule.schema";

/**
 * Moves a booking (drag or resize in the calendar) the way Cal.com reschedules: a new booking at the
 * new time naming the old one (`fromReschedule`), the old one cancelled with `rescheduled: true`.
 * Apps may veto in getOriginalRescheduledBooking (Session Checkout locks Completed sessions).
 */
export const rescheduleHandler = async ({
  ctx,
  input,
}: {
  ctx: { prisma: PrismaClient; user: TrpcSessionUserData };
  input: TRescheduleInputSchema;
}) => {
  return ctx.prisma.$transaction(async (tx) => {
    // Whose booking, before anything else is read or locked: a stranger learns nothing of it.
    const owner = await tx.booking.findUnique({ where: { id: input.bookingId }, select: { userId: true } });
    if (!owner || owner.userId !== ctx.user.id) throw new TRPCError({ code: "NOT_FOUND", message: "Booking not found." });
    const original = await getOriginalRescheduledBooking(tx, input.bookingId);
    if (original.userId !== ctx.user.id)
      throw new TRPCError({ code: "NOT_FOUND", message: "Booking not found." });
    if (original.status !== "ACCEPTED" && original.status !== "PENDING") {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "Only confirmed or pending bookings can be rescheduled.",
      });
    }
    const replacement = await tx.booking.create({
      data: {
        uid: randomUUID(),
        userId: original.userId,
        eventTypeId: original.eventTypeId,
        title: original.title,
        description: original.description,
        location: original.location,
        status: original.status,
        startTime: input.startTime,
        endTime: input.endTime,
        fromReschedule: original.uid,
        attendees: { create: original.attendees },
      },
      select: { id: true, uid: true, startTime: true, endTime: true },
    });
    await tx.booking.update({
      where: { id: original.id },
      data: { status: "CANCELLED", rescheduled: true },
    });
    return { ...replacement, fromBookingId: original.id };
  });
};

export default rescheduleHandler;
