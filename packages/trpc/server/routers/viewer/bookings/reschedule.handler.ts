import { TRPCError } from "@trpc/server";

import { assertReschedulable, SessionCheckoutError } from "@calcom/app-store/session-checkout/lib/reschedule-guard";
import type { PrismaClient } from "@calcom/prisma";

import type { TrpcSessionUserData } from "../../../types";
import type { TRescheduleInputSchema } from "./reschedule.schema";

/** Moves a booking (drag or resize in the calendar). Apps may veto: Session Checkout locks Completed sessions. */
export const rescheduleHandler = async ({ ctx, input }: { ctx: { prisma: PrismaClient; user: TrpcSessionUserData }; input: TRescheduleInputSchema }) => {
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      // The same row lock a checkout takes, so a drag and a checkout never both win.
      await tx.$queryRaw`SELECT "id" FROM "Booking" WHERE "id" = ${input.bookingId} FOR UPDATE`;
      const booking = await tx.booking.findUnique({ where: { id: input.bookingId }, select: { userId: true, status: true } });
      if (!booking || booking.userId !== ctx.user.id) throw new TRPCError({ code: "NOT_FOUND", message: "Booking not found." });
      if (booking.status !== "ACCEPTED" && booking.status !== "PENDING") {
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Only confirmed or pending bookings can be rescheduled." });
      }
      await assertReschedulable(tx, input.bookingId);
      return tx.booking.update({
        where: { id: input.bookingId },
        data: { startTime: input.startTime, endTime: input.endTime },
        select: { id: true, startTime: true, endTime: true },
      });
    });
  } catch (error) {
    if (error instanceof SessionCheckoutError) throw new TRPCError({ code: error.code, message: error.message });
    throw error;
  }
};

export default rescheduleHandler;
