import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import type { CheckoutState } from "@calcom/app-store/session-checkout/lib/status";
import type { BookingStatus } from "@calcom/prisma/enums";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * The reports against a fixture computed by hand: a host in Europe/Paris over the night the clocks
 * go back (25 October 2026), sessions just before and after midnight, three currencies (JPY has no
 * minor unit), paid, unpaid and refunded, a no-show fee charged and one held but never charged, a
 * prepaid session awaiting checkout with two payments, an undone checkout, a group no-show, a group
 * with one absentee, cancelled and pending sessions, another host's session; and a team with its
 * admin, members and an outsider.
 */

const { prisma } = await useTestDatabase();
const make = factories(prisma);
const NOW = new Date("2026-11-26T12:00:00.000Z");

async function host(name: string, timeZone = "Europe/Paris") {
  return make.user({ name, timeZone });
}

async function session(spec: {
  hostId: number;
  start: string;
  eventTypeId?: number;
  status?: BookingStatus;
  checkout?: CheckoutState;
  attendees?: Array<{ noShow?: boolean; rating?: number }>;
  payments?: Array<{ amount: number; currency: string; refunded?: boolean; success?: boolean; paymentOption?: "ON_BOOKING" | "HOLD" }>;
}) {
  const startTime = new Date(spec.start);
  const attendees = spec.attendees ?? [{}];
  const booking = await prisma.booking.create({
    data: {
      uid: randomUUID(),
      title: "Fixture session",
      userId: spec.hostId,
      eventTypeId: spec.eventTypeId ?? null,
      status: spec.status ?? "ACCEPTED",
      startTime,
      endTime: new Date(startTime.getTime() + 3_600_000),
      attendees: { create: attendees.map((a, i) => ({ email: `c${i}-${randomUUID().slice(0, 6)}@client.example`, name: `Client ${i}`, timeZone: "Europe/Paris", noShow: a.noShow ?? false })) },
    },
    include: { attendees: true },
  });
  if (spec.checkout) await prisma.app_SessionCheckout_Checkout.create({ data: { bookingId: booking.id, state: spec.checkout, method: "MANUAL", checkedOutAt: startTime } });
  for (const [i, a] of attendees.entries()) {
    if (a.rating === undefined) continue;
    await prisma.app_SessionCheckout_Survey.create({
      data: { bookingId: booking.id, attendeeEmail: booking.attendees[i]!.email.toLowerCase(), attendeeName: `Client ${i}`, status: "ANSWERED", rating: a.rating, answeredAt: startTime, sentAt: startTime },
    });
  }
  for (const p of spec.payments ?? []) {
    await prisma.payment.create({
      data: { uid: randomUUID(), bookingId: booking.id, amount: p.amount, fee: 0, currency: p.currency, success: p.success ?? true, refunded: p.refunded ?? false, paymentOption: p.paymentOption ?? "ON_BOOKING", data: {}, externalId: randomUUID() },
    });
  }
  return booking;
}

describe("reports", async () => {
  const dana = await host("Dana Reyes");
  const coaching = await make.eventType({ userId: dana.id, price: 9000, currency: "eur" });
  const tutoring = await make.eventType({ userId: dana.id, price: 5000, currency: "jpy" });
  await prisma.eventType.update({ where: { id: coaching.id }, data: { title: "Coaching" } });
  await prisma.eventType.update({ where: { id: tutoring.id }, data: { title: "Tutoring" } });
  const s1 = await session({ hostId: dana.id, start: "2026-10-24T22:30:00Z", eventTypeId: coaching.id, checkout: "ACTIVE", attendees: [{ rating: 2 }], payments: [{ amount: 9000, currency: "EUR" }] }); // 25 Oct 00:30 CEST
  await session({ hostId: dana.id, start: "2026-10-25T23:30:00Z", eventTypeId: tutoring.id, checkout: "ACTIVE" }); // 26 Oct 00:30 CET, unpaid JPY
  await session({ hostId: dana.id, start: "2026-10-24T21:30:00Z", eventTypeId: coaching.id, checkout: "ACTIVE", payments: [{ amount: 4000, currency: "usd", refunded: true }, { amount: 4000, currency: "usd", success: false }] }); // 24 Oct 23:30 CEST
  await session({ hostId: dana.id, start: "2026-10-25T10:00:00Z", eventTypeId: coaching.id, attendees: [{ noShow: true }, { noShow: true }] });
  await session({ hostId: dana.id, start: "2026-10-25T12:00:00Z", eventTypeId: coaching.id, checkout: "ACTIVE", attendees: [{ rating: 5 }, { rating: 4 }, { noShow: true }] });
  const s6 = await session({ hostId: dana.id, start: "2026-10-26T09:00:00Z", eventTypeId: coaching.id, checkout: "UNDONE" });
  await session({ hostId: dana.id, start: "2026-10-26T10:00:00Z", eventTypeId: tutoring.id, status: "CANCELLED" });
  await session({ hostId: dana.id, start: "2026-10-24T10:00:00Z", eventTypeId: coaching.id, status: "PENDING" });
  await session({ hostId: dana.id, start: "2026-10-26T23:30:00Z", eventTypeId: coaching.id, checkout: "ACTIVE" }); // 27 Oct 00:30 CET: outside
  await session({ hostId: dana.id, start: "2026-10-23T22:30:00Z", checkout: "ACTIVE" }); // 24 Oct 00:30 CEST: inside, no event type
  // A no-show whose held card was charged the no-show fee: money collected, whatever the status.
  await session({ hostId: dana.id, start: "2026-10-25T16:00:00Z", eventTypeId: coaching.id, attendees: [{ noShow: true }], payments: [{ amount: 2500, currency: "eur", paymentOption: "HOLD" }] });
  // Completed, with a card held for a no-show fee never charged: no money was due, so no list value.
  const s12 = await session({ hostId: dana.id, start: "2026-10-24T12:00:00Z", eventTypeId: coaching.id, checkout: "ACTIVE", payments: [{ amount: 2500, currency: "eur", success: false, paymentOption: "HOLD" }] });
  // Moved to another time: Cal.com cancels the old booking (rescheduled) and the new one is the session.
  const moved = await session({ hostId: dana.id, start: "2026-10-24T08:00:00Z", eventTypeId: coaching.id, status: "CANCELLED" });
  await prisma.booking.update({ where: { id: moved.id }, data: { rescheduled: true } });
  // Prepaid in two payments and awaiting checkout: collected already.
  await session({ hostId: dana.id, start: "2026-10-26T12:00:00Z", eventTypeId: tutoring.id, payments: [{ amount: 5000, currency: "JPY" }, { amount: 1000, currency: "jpy" }] });
  const sam = await host("Sam Okafor");
  await session({ hostId: sam.id, start: "2026-10-25T10:00:00Z", checkout: "ACTIVE", payments: [{ amount: 100, currency: "eur" }] });

  const range = { from: "2026-10-24", to: "2026-10-26" };
  const report = () => callerFor(prisma, dana).reports(range);

  it("counts each status where the definitions say, on the right day across the clocks going back", async () => {
    const r = await report();
    expect(r.timeZone).toBe("Europe/Paris");
    expect(r.bucket).toBe("day");
    expect(r.totals).toMatchObject({ completed: 6, noShow: 2, cancelled: 1, pending: 1, awaitingCheckout: 2, upcoming: 0 });
    expect(r.totals.completionRate).toBeCloseTo(6 / 10, 10);
    expect(r.totals.noShowRate).toBeCloseTo(2 / 10, 10);
    expect(r.series).toEqual([
      { start: "2026-10-24", completed: 3, noShow: 0, cancelled: 0, pending: 1, awaitingCheckout: 0, upcoming: 0 },
      { start: "2026-10-25", completed: 2, noShow: 2, cancelled: 0, pending: 0, awaitingCheckout: 0, upcoming: 0 },
      { start: "2026-10-26", completed: 1, noShow: 0, cancelled: 1, pending: 0, awaitingCheckout: 2, upcoming: 0 },
    ]);
  });

  it("keeps currencies apart in minor units: collected (any status), refunded, and the list value of unpaid completed sessions", async () => {
    const r = await report();
    // eur: s1's 90.00 and the no-show fee's 25.00; jpy: the prepaid session's two payments, in either case.
    expect(r.totals).toMatchObject({ collected: { eur: 11500, jpy: 6000 }, refunded: { usd: 4000 }, listValue: { eur: 9000, jpy: 5000 } });
    expect(r.totals.ratingCount).toBe(3);
    expect(r.totals.ratingAverage).toBeCloseTo(11 / 3, 10);
    expect(r.eventTypes.map((e) => [e.title, e.completed, e.noShow, e.cancelled, e.pending, e.awaitingCheckout])).toEqual([
      ["Coaching", 4, 2, 0, 1, 1],
      ["No event type", 1, 0, 0, 0, 0],
      ["Tutoring", 1, 0, 1, 0, 1],
    ]);
    expect(r.eventTypes.find((e) => e.title === "Tutoring")).toMatchObject({ collected: { jpy: 6000 }, listValue: { jpy: 5000 } });
    expect(r.members).toEqual([]);
  });

  it("reads the days in another zone when asked, and filters by event type", async () => {
    const utc = await callerFor(prisma, dana).reports({ ...range, timeZone: "UTC" });
    // In UTC, 24 Oct 22:30 and 21:30 stay on the 24th, and 23 Oct 22:30 falls out; 26 Oct 23:30 comes in.
    expect(utc.series.map((d) => [d.start, d.completed])).toEqual([["2026-10-24", 3], ["2026-10-25", 2], ["2026-10-26", 1]]);
    const tutoringOnly = await callerFor(prisma, dana).reports({ ...range, eventTypeId: tutoring.id });
    expect(tutoringOnly.totals).toMatchObject({ completed: 1, cancelled: 1, awaitingCheckout: 1, collected: { jpy: 6000 }, listValue: { jpy: 5000 } });
  });

  it("an undo, a no-show and a new rating change the numbers at the next request", async () => {
    await performSessionAction(prisma, { bookingId: s1.id, action: "undoCheckout", actor: { kind: "user", userId: dana.id }, now: NOW });
    await performSessionAction(prisma, { bookingId: s6.id, action: "markNoShow", actor: { kind: "user", userId: dana.id }, now: NOW });
    const r = await report();
    // s1 awaits checkout again (its payment stays collected; its rating no longer counts), s6 is a no-show.
    expect(r.totals).toMatchObject({ completed: 5, noShow: 3, awaitingCheckout: 2, collected: { eur: 11500, jpy: 6000 }, listValue: { eur: 9000, jpy: 5000 } });
    expect([r.totals.ratingCount, r.totals.ratingAverage]).toEqual([2, 4.5]);

    // A client of a completed session answers: the next request counts it.
    const [client] = await prisma.attendee.findMany({ where: { bookingId: s12.id } });
    await prisma.app_SessionCheckout_Survey.create({ data: { bookingId: s12.id, attendeeEmail: client!.email, attendeeName: client!.name, status: "ANSWERED", rating: 3, answeredAt: NOW, sentAt: NOW } });
    const after = await report();
    expect([after.totals.ratingCount, after.totals.ratingAverage]).toEqual([3, 4]);
    expect(after.eventTypes.find((e) => e.title === "Coaching")).toMatchObject({ ratingCount: 3, ratingAverage: 4 });
  });

  it("weekly buckets start on Monday and cover the range's weeks", async () => {
    const r = await callerFor(prisma, dana).reports({ from: "2026-10-01", to: "2026-12-31" });
    expect(r.bucket).toBe("week");
    expect(r.series[0]!.start).toBe("2026-09-28");
    expect(r.series.at(-1)!.start).toBe("2026-12-28");
    expect(r.series.reduce((sum, w) => sum + w.completed, 0)).toBe(r.totals.completed);
  });

  it("a team's admin sees the team's figures and each member's; a plain member is refused, an outsider finds no team", async () => {
    const admin = await host("Alex Admin");
    const morgan = await host("Morgan Member");
    const riley = await host("Riley Member");
    const team = await make.team([
      { userId: admin.id, role: "ADMIN" },
      { userId: morgan.id, role: "MEMBER" },
      { userId: riley.id, role: "MEMBER" },
    ]);
    const teamType = await make.eventType({ teamId: team.id, price: 2000, currency: "gbp" });
    await session({ hostId: morgan.id, start: "2026-10-25T09:00:00Z", eventTypeId: teamType.id, checkout: "ACTIVE", payments: [{ amount: 2000, currency: "gbp" }] });
    await session({ hostId: riley.id, start: "2026-10-25T09:00:00Z", eventTypeId: teamType.id, attendees: [{ noShow: true }] });
    // Morgan's own session outside the team: not the team's.
    await session({ hostId: morgan.id, start: "2026-10-25T15:00:00Z", checkout: "ACTIVE" });

    const r = await callerFor(prisma, admin).reports({ ...range, teamId: team.id });
    expect(r.scope).toMatchObject({ kind: "team", teamId: team.id });
    expect(r.totals).toMatchObject({ completed: 1, noShow: 1, collected: { gbp: 2000 } });
    expect(r.members.map((m) => [m.name, m.completed, m.noShow])).toEqual([
      ["Morgan Member", 1, 0],
      ["Riley Member", 0, 1],
    ]);
    await expect(callerFor(prisma, morgan).reports({ ...range, teamId: team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(prisma, dana).reports({ ...range, teamId: team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A plain member's own report has their own sessions only, never a teammate's.
    expect((await callerFor(prisma, morgan).reports(range)).totals).toMatchObject({ completed: 2, noShow: 0 });
  });

  it.each([
    { input: { from: "2026-02-30", to: "2026-03-01" }, message: "not a calendar date" },
    { input: { from: "2026-03-02", to: "2026-03-01" }, message: "ends before it starts" },
    { input: { from: "2020-01-01", to: "2026-03-01" }, message: "at most two years" },
    { input: { from: "2026-03-01", to: "2026-03-02", timeZone: "Mars/Olympus" }, message: "Unknown time zone" },
    { input: { from: "2026-03-01", to: "2026-03-02", teamId: 2_147_483_648 }, message: "out of range" },
    // No year 0 in PostgreSQL; an offset would be read with its sign reversed (POSIX), so only zone names.
    { input: { from: "0000-01-01", to: "0000-01-02" }, message: "not a calendar date" },
    { input: { from: "2026-03-01", to: "2026-03-02", timeZone: "+05:00" }, message: "Unknown time zone" },
  ])("refuses $input with a field error naming the problem", async ({ input, message }) => {
    await expect(callerFor(prisma, dana).reports(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(message) });
  });

  it("a zone name the browser knows but the database's tzdata dropped is the caller's to change, not a 500", async () => {
    // US/Pacific-New: an old link still known to Intl, gone from PostgreSQL's tzdata.
    const input = { from: "2026-03-01", to: "2026-03-02", timeZone: "US/Pacific-New" };
    await expect(callerFor(prisma, dana).reports(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not one the reports can read") });
    await expect(callerFor(prisma, dana).reportSessions(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
