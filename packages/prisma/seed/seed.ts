import bcrypt from "bcryptjs";

import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_BOOKINGS, DEMO_CLIENTS, DEMO_EVENT_TYPES, DEMO_PASSWORD, DEMO_TEAM, DEMO_USERS, type DemoUserKey } from "./demo-plan";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CalcomDemo {
  users: Record<DemoUserKey, { id: number; email: string; name: string }>;
  teamId: number;
  bookingIds: number[];
}

/** Cal.com's side of the demo: users, a team, event types in two currencies, bookings. Idempotent. */
export async function seedCalcomDemo(prisma: PrismaClient, { now = new Date() }: { now?: Date } = {}): Promise<CalcomDemo> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const users = {} as CalcomDemo["users"];
  for (const demoUser of DEMO_USERS) {
    const { key, ...fields } = demoUser;
    const user = await prisma.user.upsert({
      where: { email: fields.email },
      create: { ...fields, emailVerified: now, password: { create: { hash: passwordHash } } },
      update: {},
      select: { id: true, email: true, name: true },
    });
    users[key] = { id: user.id, email: user.email, name: user.name ?? user.email };
  }

  const team =
    (await prisma.team.findFirst({ where: { slug: DEMO_TEAM.slug } })) ??
    (await prisma.team.create({ data: { name: DEMO_TEAM.name, slug: DEMO_TEAM.slug, brandColor: DEMO_TEAM.brandColor } }));
  for (const member of DEMO_TEAM.members) {
    const userId = users[member.user].id;
    await prisma.membership.upsert({
      where: { userId_teamId: { userId, teamId: team.id } },
      create: { userId, teamId: team.id, role: member.role, accepted: true },
      update: {},
    });
  }

  const eventTypeIds = new Map<string, { id: number; length: number; title: string }>();
  for (const { key, owner, team: isTeam, ...fields } of DEMO_EVENT_TYPES) {
    const ownerId = owner ? users[owner].id : null;
    const existing = await prisma.eventType.findFirst({ where: { slug: fields.slug, userId: ownerId, teamId: isTeam ? team.id : null } });
    const eventType = existing ?? (await prisma.eventType.create({ data: { ...fields, userId: ownerId, teamId: isTeam ? team.id : null } }));
    eventTypeIds.set(key, { id: eventType.id, length: eventType.length, title: eventType.title });
  }

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const bookingIds: number[] = [];
  for (const plan of DEMO_BOOKINGS) {
    const eventType = eventTypeIds.get(plan.eventType)!;
    const host = users[plan.host];
    const startTime = new Date(today + plan.dayOffset * DAY_MS + plan.startHourUtc * 60 * 60 * 1000);
    const clients = plan.clientIndexes.map((index) => DEMO_CLIENTS[index]!);
    const booking = await prisma.booking.upsert({
      where: { uid: plan.uid },
      create: {
        uid: plan.uid,
        title: `${eventType.title} between ${host.name} and ${clients.length > 1 ? `${clients.length} attendees` : clients[0]!.name}`,
        userId: host.id,
        eventTypeId: eventType.id,
        startTime,
        endTime: new Date(startTime.getTime() + eventType.length * 60 * 1000),
        status: plan.status,
        attendees: { create: clients.map((client) => ({ ...client })) },
      },
      update: {},
      select: { id: true },
    });
    bookingIds.push(booking.id);
  }

  return { users, teamId: team.id, bookingIds };
}
