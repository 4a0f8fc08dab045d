import type { PrismaTransaction } from "@calcom/prisma";
import type { MembershipRole } from "@calcom/prisma/enums";

export interface BookingOwnership {
  userId: number | null;
  teamId: number | null;
}

/** The rule: the booking's host, or an admin/owner (accepted member) of the booking's team. */
export function mayActOnBooking(
  callerId: number,
  booking: BookingOwnership,
  teamMembership: { role: MembershipRole; accepted: boolean } | null,
): boolean {
  if (booking.userId === callerId) return true;
  if (booking.teamId === null || !teamMembership?.accepted) return false;
  return teamMembership.role === "ADMIN" || teamMembership.role === "OWNER";
}

export async function callerMayActOnBooking(db: PrismaTransaction, callerId: number, booking: BookingOwnership): Promise<boolean> {
  if (booking.userId === callerId) return true;
  const membership =
    booking.teamId === null
      ? null
      : await db.membership.findUnique({
          where: { userId_teamId: { userId: callerId, teamId: booking.teamId } },
          select: { role: true, accepted: true },
        });
  return mayActOnBooking(callerId, booking, membership);
}
