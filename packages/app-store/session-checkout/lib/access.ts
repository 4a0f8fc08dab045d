import type { PrismaTransaction } from "@calcom/prisma";
import type { MembershipRole } from "@calcom/prisma/enums";

export interface BookingOwnership {
  userId: number | null;
  teamId: number | null;
}

/** Who owns a booking row selected with `userId` and `eventType: { select: { teamId } }`. */
export function ownershipOf(row: { userId: number | null; eventType: { teamId: number | null } | null }): BookingOwnership {
  return { userId: row.userId, teamId: row.eventType?.teamId ?? null };
}

/** The rule: the booking's host, or an admin/owner (accepted member) of the booking's team. Mirrored in SQL as the filter of the session lock (services/locked-session.ts): change both. */
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
  return (await bookingsCallerMayActOn(db, callerId, [booking])).length === 1;
}

/** For many bookings at once: one membership query for the caller, then the same rule for each. */
export async function bookingsCallerMayActOn<T extends BookingOwnership>(db: PrismaTransaction, callerId: number, bookings: T[]): Promise<T[]> {
  const teamIds = Array.from(new Set(bookings.map((b) => b.teamId).filter((id): id is number => id !== null && id !== undefined)));
  const memberships = teamIds.length
    ? await db.membership.findMany({ where: { userId: callerId, teamId: { in: teamIds } }, select: { teamId: true, role: true, accepted: true } })
    : [];
  const byTeam = new Map(memberships.map((m) => [m.teamId, m]));
  return bookings.filter((booking) => mayActOnBooking(callerId, booking, booking.teamId === null ? null : (byTeam.get(booking.teamId) ?? null)));
}
