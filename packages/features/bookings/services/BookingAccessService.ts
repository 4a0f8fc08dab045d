import type { PrismaClient } from "@calcom/prisma";
import type { MembershipRole } from "@calcom/prisma/enums";

/** Cal.com's fallback roles for reading team and organization bookings where PBAC is off. */
const BOOKING_READER_ROLES: ReadonlyArray<MembershipRole> = ["OWNER", "ADMIN"];
const ROLE_RANK: Record<MembershipRole, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 };

/**
 * Stand-in for Cal.com's module of the same path: the same class, constructor and method, deciding
 * the same five cases. Cal.com asks its permission service (PBAC) for a team that has it enabled;
 * the stand-in has no PBAC, so every team takes Cal.com's fallback — the higher of the user's roles
 * in the team and in the team's organization, OWNER or ADMIN allowed (as Cal.com's fallback, a
 * membership counts whether or not the invitation was accepted).
 */
export class BookingAccessService {
  constructor(private readonly prismaClient: PrismaClient) {}

  /**
   * Determines if a user has access to a booking based on:
   * 1. Being the booking organizer
   * 2. Being one of the hosts in a multi-host booking
   * 3. Being a team/org admin where the event type belongs (for a managed event type's copy, the
   *    parent event type's team or its organization)
   * 4. Being an org admin where the booking organizer belongs (personal bookings)
   * 5. Being a team admin of any team the booking organizer belongs to (personal bookings)
   */
  async doesUserIdHaveAccessToBooking({ userId, bookingUid, bookingId }: { userId: number; bookingUid?: string; bookingId?: number }): Promise<boolean> {
    const where = bookingUid ? { uid: bookingUid } : bookingId ? { id: bookingId } : null;
    if (!where) return false;
    const booking = await this.prismaClient.booking.findUnique({
      where,
      select: {
        userId: true,
        user: { select: { id: true, email: true } },
        attendees: { select: { email: true } },
        eventType: {
          select: {
            teamId: true,
            parent: { select: { teamId: true } },
            hosts: { select: { userId: true, user: { select: { email: true } } } },
            users: { select: { id: true, email: true } },
          },
        },
      },
    });
    if (!booking) return false;

    if (booking.userId === userId) return true;
    if (isAttendingHost(userId, booking)) return true;

    const teamId = booking.eventType?.teamId;
    if (teamId) return this.isBookingReaderOf(userId, teamId);
    const managedParentTeamId = booking.eventType?.parent?.teamId;
    if (managedParentTeamId) return this.isBookingReaderOf(userId, managedParentTeamId);

    if (!booking.userId) return false;
    const organizer = await this.prismaClient.user.findUnique({
      where: { id: booking.userId },
      select: { organizationId: true, teams: { where: { accepted: true }, select: { teamId: true } } },
    });
    if (!organizer) return false;
    if (organizer.organizationId && (await this.isBookingReaderOf(userId, organizer.organizationId))) return true;
    for (const { teamId: organizerTeamId } of organizer.teams) {
      if (await this.isBookingReaderOf(userId, organizerTeamId)) return true;
    }
    return false;
  }

  /** OWNER or ADMIN of the team, or of the organization the team belongs to; as Cal.com's permission check, a failure reads as "no". */
  private async isBookingReaderOf(userId: number, teamId: number): Promise<boolean> {
    try {
      return await this.hasReaderRole(userId, teamId);
    } catch (error) {
      console.error("BookingAccessService: the permission check failed", error);
      return false;
    }
  }

  private async hasReaderRole(userId: number, teamId: number): Promise<boolean> {
    const team = await this.prismaClient.team.findUnique({
      where: { id: teamId },
      select: { parentId: true, members: { where: { userId }, select: { role: true } } },
    });
    if (!team) return false;
    const roles = team.members.map((member) => member.role);
    if (team.parentId) {
      const orgMembership = await this.prismaClient.membership.findUnique({ where: { userId_teamId: { userId, teamId: team.parentId } }, select: { role: true } });
      if (orgMembership) roles.push(orgMembership.role);
    }
    const highest = roles.sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a])[0];
    return highest !== undefined && BOOKING_READER_ROLES.includes(highest);
  }
}

type BookingForHostCheck = {
  user: { id: number; email: string } | null;
  attendees: ReadonlyArray<{ email: string }>;
  eventType: { hosts: ReadonlyArray<{ userId: number; user: { email: string } }>; users: ReadonlyArray<{ id: number; email: string }> } | null;
};

/**
 * A host of a multi-host booking: an assigned user or host of the event type who is among the
 * booking's attendees (Cal.com adds the other hosts of a collective or round-robin booking as attendees).
 */
function isAttendingHost(userId: number, booking: BookingForHostCheck): boolean {
  const attendeeEmails = new Set(booking.attendees.map((attendee) => attendee.email));
  const candidates = [
    ...(booking.eventType?.hosts ?? []).map((host) => ({ id: host.userId, email: host.user.email })),
    ...(booking.eventType?.users ?? []),
  ];
  return candidates.some((candidate) => candidate.id === userId && attendeeEmails.has(candidate.email));
}
