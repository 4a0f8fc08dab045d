import type { PrismaClient } from "@calcom/prisma";
import type { BookingStatus, MembershipRole } from "@calcom/prisma/enums";
import { createCaller, createContext } from "@calcom/trpc/server";
import { randomUUID } from "node:crypto";

const MINUTE_MS = 60_000;
const APP_SLUG = "session-checkout";

export const minutesFromNow = (minutes: number): Date => new Date(Date.now() + minutes * MINUTE_MS);

export interface AttendeeSpec {
  email: string;
  name?: string;
  noShow?: boolean | null;
}

/** Small builders for Cal.com rows; every name is unique, so tests in one database never collide. */
export function factories(prisma: PrismaClient) {
  const unique = () => randomUUID().slice(0, 8);

  return {
    /** A user with Session Checkout installed (a Credential of theirs), unless `installed: false`. */
    async user(fields: { name?: string; timeZone?: string; installed?: boolean } = {}) {
      const id = unique();
      const user = await prisma.user.create({ data: { email: `host-${id}@test.example`, name: fields.name ?? `Host ${id}`, timeZone: fields.timeZone ?? "Europe/London" } });
      if (fields.installed !== false) {
        await prisma.app.createMany({ data: [{ slug: APP_SLUG, dirName: APP_SLUG, categories: ["other"], enabled: true }], skipDuplicates: true });
        await prisma.credential.create({ data: { type: "session-checkout_other", key: {}, userId: user.id, appId: APP_SLUG } });
      }
      return user;
    },

    /** A team (an organization with isOrganization; a team of an organization with parentId). */
    async team(members: Array<{ userId: number; role: MembershipRole; accepted?: boolean }>, fields: { parentId?: number; isOrganization?: boolean } = {}) {
      const team = await prisma.team.create({ data: { name: `Team ${unique()}`, parentId: fields.parentId ?? null, isOrganization: fields.isOrganization ?? false } });
      for (const member of members) {
        await prisma.membership.create({ data: { teamId: team.id, userId: member.userId, role: member.role, accepted: member.accepted ?? true } });
      }
      return team;
    },

    /** `parentId`: a managed event type's copy for `userId`; `hosts` / `assignedUserIds`: Cal.com's Host rows and assigned users. */
    eventType(fields: { userId?: number; teamId?: number; parentId?: number; price?: number; currency?: string; length?: number; hosts?: number[]; assignedUserIds?: number[] }) {
      return prisma.eventType.create({
        data: {
          title: `Session ${unique()}`,
          slug: `session-${unique()}`,
          length: fields.length ?? 60,
          price: fields.price ?? 0,
          currency: fields.currency ?? "usd",
          userId: fields.userId ?? null,
          teamId: fields.teamId ?? null,
          parentId: fields.parentId ?? null,
          ...(fields.hosts ? { hosts: { create: fields.hosts.map((userId) => ({ userId })) } } : {}),
          ...(fields.assignedUserIds ? { users: { connect: fields.assignedUserIds.map((id) => ({ id })) } } : {}),
        },
      });
    },

    /** A booking that started `startedMinutesAgo` minutes ago (negative: in the future). */
    async booking({
      hostId,
      eventTypeId,
      status = "ACCEPTED",
      startedMinutesAgo = 90,
      lengthMinutes = 60,
      attendees = [{ email: `client-${unique()}@client.example` }],
    }: {
      hostId: number;
      eventTypeId?: number;
      status?: BookingStatus;
      startedMinutesAgo?: number;
      lengthMinutes?: number;
      attendees?: AttendeeSpec[];
    }) {
      const startTime = minutesFromNow(-startedMinutesAgo);
      return prisma.booking.create({
        data: {
          uid: randomUUID(),
          title: "Test session",
          userId: hostId,
          eventTypeId: eventTypeId ?? null,
          status,
          startTime,
          endTime: new Date(startTime.getTime() + lengthMinutes * MINUTE_MS),
          attendees: { create: attendees.map((a) => ({ email: a.email, name: a.name ?? a.email.split("@")[0]!, timeZone: "Europe/London", noShow: a.noShow ?? false })) },
        },
        include: { attendees: true },
      });
    },
  };
}

/** The app's tRPC procedures as the given user calls them (null: signed out). */
export function callerFor(prisma: PrismaClient, user: { id: number; name: string | null; email: string; timeZone: string; timeFormat?: number | null } | null) {
  return createCaller(createContext({ prisma, user: user && { id: user.id, name: user.name, email: user.email, timeZone: user.timeZone, timeFormat: user.timeFormat ?? null } })).viewer.appSessionCheckout;
}

/** Every row a session action could touch, to prove that a refusal changed nothing. */
export async function sessionRows(prisma: PrismaClient, bookingId: number) {
  return {
    booking: await prisma.booking.findUnique({ where: { id: bookingId } }),
    attendees: await prisma.attendee.findMany({ where: { bookingId }, orderBy: { id: "asc" } }),
    checkout: await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId } }),
    surveys: await prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId }, orderBy: { id: "asc" } }),
    audit: await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId }, orderBy: { id: "asc" } }),
    notes: await prisma.app_SessionCheckout_Note.findMany({ where: { bookingId }, orderBy: { id: "asc" } }),
  };
}
