import { describe, expect, it } from "vitest";

import { useTestDatabase } from "../support/test-database";

const { prisma, url } = await useTestDatabase();
// The install handler uses Cal.com's process-wide client, which reads DATABASE_URL on first use.
process.env.DATABASE_URL = url;
const { seedDemo } = await import("../../apps/web/scripts/seed-demo");

async function rowCounts() {
  return {
    users: await prisma.user.count(),
    teams: await prisma.team.count(),
    memberships: await prisma.membership.count(),
    eventTypes: await prisma.eventType.count(),
    bookings: await prisma.booking.count(),
    attendees: await prisma.attendee.count(),
    credentials: await prisma.credential.count(),
    apps: await prisma.app.count(),
    checkouts: await prisma.app_SessionCheckout_Checkout.count(),
    surveys: await prisma.app_SessionCheckout_Survey.count(),
    audit: await prisma.app_SessionCheckout_AuditEntry.count(),
    settings: await prisma.app_SessionCheckout_Settings.count(),
  };
}

describe("the demo seed", () => {
  it("makes a world with every status, and seeding twice duplicates nothing", async () => {
    const first = await seedDemo(prisma);
    const afterFirst = await rowCounts();
    const second = await seedDemo(prisma);
    expect(await rowCounts()).toEqual(afterFirst);
    expect(second.statusCounts).toEqual(first.statusCounts);

    // Every status a host can see is present.
    for (const count of Object.values(first.statusCounts)) expect(count).toBeGreaterThan(0);
    expect(afterFirst.bookings).toBeGreaterThanOrEqual(60);
    const statuses = await prisma.booking.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["ACCEPTED", "AWAITING_HOST", "CANCELLED", "PENDING", "REJECTED"]);

    // Past four weeks and next two.
    const day = 24 * 60 * 60 * 1000;
    const range = await prisma.booking.aggregate({ _min: { startTime: true }, _max: { startTime: true } });
    expect(range._min.startTime!.getTime()).toBeLessThan(Date.now() - 25 * day);
    expect(range._max.startTime!.getTime()).toBeGreaterThan(Date.now() + 10 * day);

    // Two hosts, a team with an admin, prices in two currencies, a group session of three.
    expect(await prisma.membership.count({ where: { role: "ADMIN", accepted: true } })).toBeGreaterThanOrEqual(1);
    const currencies = await prisma.eventType.findMany({ where: { price: { gt: 0 } }, distinct: ["currency"], select: { currency: true } });
    expect(currencies.map((c) => c.currency).sort()).toEqual(["eur", "usd"]);
    const group = await prisma.booking.findFirst({ where: { attendees: { some: {} }, eventType: { teamId: { not: null } } }, include: { attendees: true } });
    expect(group?.attendees).toHaveLength(3);

    // The app is installed for the demo hosts, and their checkouts went through the app (audit + surveys).
    expect(await prisma.credential.count({ where: { appId: "session-checkout", userId: first.demo.users.dana.id } })).toBe(1);
    expect(afterFirst.audit).toBeGreaterThanOrEqual(afterFirst.checkouts);
    expect(afterFirst.surveys).toBeGreaterThan(0);
  });

  it("a later start keeps the host's own settings and never writes History in the host's name", async () => {
    const { demo } = await seedDemo(prisma);
    const dana = demo.users.dana;
    const { updateSettings } = await import("@calcom/app-store/session-checkout/lib/services/settings");
    await updateSettings(prisma, { userId: dana.id, patch: { autoCheckoutEnabled: false, autoCheckoutDelayMinutes: 30, surveysEnabled: false } });
    const before = await prisma.app_SessionCheckout_Settings.findUniqueOrThrow({ where: { userId: dana.id } });
    // A session of Dana's that ended while the product was stopped: no history yet.
    const ended = await prisma.booking.create({
      data: { uid: "seed-test-ended-while-stopped", title: "Ended while stopped", userId: dana.id, status: "ACCEPTED", startTime: new Date(Date.now() - 3 * 3_600_000), endTime: new Date(Date.now() - 2 * 3_600_000), attendees: { create: [{ email: "x@client.example", name: "X", timeZone: "UTC" }] } },
    });
    const { seedLiveShowcase } = await import("../../apps/web/scripts/seed-demo");
    await seedDemo(prisma);
    expect(await prisma.app_SessionCheckout_Settings.findUniqueOrThrow({ where: { userId: dana.id } })).toEqual(before);
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: ended.id } })).toBe(0);
    // With auto-checkout off there is no showcase to make.
    expect(await seedLiveShowcase(prisma, 60)).toBeNull();
  });
});
