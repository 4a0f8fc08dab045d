import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

import { decideAutoCheckout } from "@calcom/app-store/session-checkout/lib/auto-checkout";
import { findDueSessions } from "@calcom/app-store/session-checkout/lib/services/due-sessions";
import { AUTO_CHECKOUT_DELAY_MINUTES, type SessionCheckoutSettings } from "@calcom/app-store/session-checkout/lib/settings";
import type { CheckoutState } from "@calcom/app-store/session-checkout/lib/status";
import { createPrismaClient } from "@calcom/prisma";
import type { BookingStatus } from "@calcom/prisma/enums";

import { factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * One rule, two forms: `decideAutoCheckout` (the source) and the scheduler's SQL
 * (`findDueSessions`). Random worlds of hosts and bookings go into PostgreSQL; at random clock
 * values the query must select exactly the sessions the rule calls due — and, for the
 * look-ahead, exactly those the rule will call due within the window.
 */

const { prisma, url } = await useTestDatabase();
// The same database through a session in another time zone: the query compares UTC instants, whatever the session's zone.
const newYork = createPrismaClient({ databaseUrl: `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent("-c timezone=America/New_York")}` });
afterAll(() => newYork.$disconnect());
const make = factories(prisma);

const MINUTE = 60_000;
const EPOCH = Date.parse("2026-06-01T12:00:00.000Z");
const RUNS = 150;

/** Minutes around EPOCH, with whole milliseconds: the database keeps timestamp(3). */
const instant = fc.integer({ min: -4 * 24 * 60 * MINUTE, max: 4 * 24 * 60 * MINUTE }).map((offset) => new Date(EPOCH + offset));
/** Near a boundary as often as not: offsets of 0 and ±1 ms are where two forms drift apart. */
const nudge = fc.constantFrom(0, 1, -1, 0, 60_000, -60_000);

/** Mostly the value that lets a session through, so due sessions are common and every condition is exercised. */
const mostly = <T>(usual: T, ...others: T[]) => fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...others) });

const bookingArb = (hostCount: number) =>
  fc.record({
    host: fc.nat({ max: hostCount - 1 }),
    status: mostly<BookingStatus>("ACCEPTED", "PENDING", "AWAITING_HOST", "CANCELLED", "REJECTED"),
    start: instant,
    lengthMinutes: fc.constantFrom(0, 15, 30, 60, 90, 240),
    checkout: mostly<CheckoutState | null>(null, "ACTIVE", "UNDONE"),
    // Now and then everyone absent (a No Show session): mixed at random that is rare enough for a
    // run of 150 worlds to miss it now and then.
    attendees: fc.oneof(
      { weight: 5, arbitrary: fc.array(mostly<boolean | null>(false, true, null), { minLength: 0, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.array(fc.constant<boolean | null>(true), { minLength: 1, maxLength: 3 }) },
    ),
  });

/** The no-back-fill line: null (never switched on), anywhere, or right on a session's end time. */
const lineArb = (ends: Date[]) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: instant },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...ends), nudge).map(([end, by]) => new Date(end.getTime() + by)) },
  );

const worldArb = fc.integer({ min: 1, max: 3 }).chain((hostCount) =>
  fc.array(bookingArb(hostCount), { minLength: 1, maxLength: 10 }).chain((bookings) => {
    const ends = bookings.map((b) => new Date(b.start.getTime() + b.lengthMinutes * MINUTE));
    const hostArb = fc.record({
      installed: mostly(true, false),
      hasSettings: mostly(true, false),
      enabled: mostly(true, false),
      delay: fc.constantFrom(...AUTO_CHECKOUT_DELAY_MINUTES),
      endedAfter: lineArb(ends),
    });
    return fc.record({
      hosts: fc.array(hostArb, { minLength: hostCount, maxLength: hostCount }),
      bookings: fc.constant(bookings),
      clock: instant,
      nudge,
      window: fc.constantFrom(1, 5, 10, 60),
    });
  }),
);

type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

async function build(world: World) {
  const hosts = [];
  for (const spec of world.hosts) {
    const user = await make.user({ installed: spec.installed });
    const settings: SessionCheckoutSettings = {
      autoCheckoutEnabled: spec.hasSettings && spec.enabled,
      autoCheckoutDelayMinutes: spec.hasSettings ? spec.delay : 120,
      autoCheckoutEnabledAt: spec.hasSettings ? spec.endedAfter : null,
      autoCheckoutEndedAfter: spec.hasSettings ? spec.endedAfter : null,
      surveysEnabled: false,
      surveyAlertThreshold: 2,
    };
    if (spec.hasSettings) await prisma.app_SessionCheckout_Settings.create({ data: { userId: user.id, ...settings } });
    hosts.push({ id: user.id, installed: spec.installed, settings });
  }
  const bookings = [];
  for (const spec of world.bookings) {
    const host = hosts[spec.host]!;
    const endTime = new Date(spec.start.getTime() + spec.lengthMinutes * MINUTE);
    const booking = await prisma.booking.create({
      data: {
        uid: randomUUID(),
        title: "Property session",
        userId: host.id,
        status: spec.status,
        startTime: spec.start,
        endTime,
        attendees: { create: spec.attendees.map((noShow, i) => ({ email: `c${i}-${randomUUID().slice(0, 6)}@client.example`, name: `C${i}`, timeZone: "UTC", noShow })) },
        ...(spec.checkout ? { sessionCheckout: { create: { state: spec.checkout, method: "MANUAL", checkedOutAt: spec.start } } } : {}),
      },
    });
    bookings.push({ id: booking.id, host, endTime, spec });
  }
  return bookings;
}

function ruleSays(booking: Awaited<ReturnType<typeof build>>[number], now: Date) {
  return decideAutoCheckout({
    snapshot: {
      bookingStatus: booking.spec.status,
      startTime: booking.spec.start,
      checkoutState: booking.spec.checkout,
      attendees: booking.spec.attendees.map((noShow, i) => ({ email: `c${i}`, name: `C${i}`, noShow: noShow === true })),
    },
    endTime: booking.endTime,
    settings: booking.host.settings,
    installed: booking.host.installed,
    now,
  });
}

async function clear() {
  await prisma.booking.deleteMany({ where: { title: "Property session" } });
}

describe("the due rule and the scheduler's SQL", () => {
  it(`select the same sessions (${RUNS} random worlds, clocks on and around the due times)`, async () => {
    // What the worlds exercised: a property that never meets a due session proves nothing.
    const seen = new Map<string, number>();
    const tally = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        await clear();
        const bookings = await build(world);
        // Clocks: the random one, and each session's own due time nudged by a millisecond or a minute.
        const clocks = [world.clock, ...bookings.map((b) => new Date(b.endTime.getTime() + b.host.settings.autoCheckoutDelayMinutes * MINUTE + world.nudge))];
        const ours = new Set(bookings.map((b) => b.id));
        for (const now of clocks) {
          const selected = (await findDueSessions(prisma, { dueBy: now, limit: 10_000 })).filter((row) => ours.has(row.bookingId));
          const due = bookings.filter((b) => ruleSays(b, now).due);
          for (const b of bookings) {
            const decision = ruleSays(b, now);
            tally(decision.due ? "due" : decision.reason);
          }
          expect(selected.map((row) => row.bookingId).sort((a, b) => a - b)).toEqual(due.map((b) => b.id).sort((a, b) => a - b));
          // The due time the query reports is the rule's.
          for (const row of selected) expect(row.dueAt).toEqual(ruleSays(bookings.find((b) => b.id === row.bookingId)!, now).dueAt);

          // Look-ahead: due within (now, now + window], by the rule evaluated at the window's end.
          const windowEnd = new Date(now.getTime() + world.window * MINUTE);
          const upcoming = (await findDueSessions(prisma, { dueAfter: now, dueBy: windowEnd, limit: 10_000 })).filter((row) => ours.has(row.bookingId));
          const willBeDue = bookings.filter((b) => {
            const decision = ruleSays(b, windowEnd);
            return decision.due && decision.dueAt.getTime() > now.getTime();
          });
          expect(upcoming.map((row) => row.bookingId).sort((a, b) => a - b)).toEqual(willBeDue.map((b) => b.id).sort((a, b) => a - b));

          // Paged two at a time by (due time, id), the look-ahead yields the same sessions in the same order.
          const paged: number[] = [];
          let after: { dueAt: Date; bookingId: number } | undefined;
          for (;;) {
            const page = await findDueSessions(prisma, { dueAfter: now, dueBy: windowEnd, after, limit: 2 });
            paged.push(...page.filter((row) => ours.has(row.bookingId)).map((row) => row.bookingId));
            if (page.length < 2) break;
            after = { dueAt: page[1]!.dueAt, bookingId: page[1]!.bookingId };
          }
          expect(paged).toEqual(upcoming.map((row) => row.bookingId));
        }
        // In another session time zone, the same selection.
        const inNewYork = (await findDueSessions(newYork, { dueBy: world.clock, limit: 10_000 })).filter((row) => ours.has(row.bookingId));
        expect(inNewYork.map((row) => row.bookingId).sort((a, b) => a - b)).toEqual(bookings.filter((b) => ruleSays(b, world.clock).due).map((b) => b.id).sort((a, b) => a - b));
      }),
      { numRuns: RUNS },
    );
    // Every way of not being due was met, and due sessions were common.
    expect([...seen.keys()].sort()).toEqual(
      [
        "due",
        "Auto-checkout is off.",
        "It fell due before auto-checkout was switched on.",
        "Not due yet.",
        "Only confirmed sessions are checked out. This session is Cancelled.",
        "Only confirmed sessions are checked out. This session is Completed.",
        "Only confirmed sessions are checked out. This session is No Show.",
        "Only confirmed sessions are checked out. This session is Pending.",
        "The checkout was undone by hand.",
        "The host has not installed Session Checkout.",
      ].sort(),
    );
    expect(seen.get("due")).toBeGreaterThan(30);
  });

  it("selects a session with no attendees (the rule calls it Confirmed)", async () => {
    await clear();
    const [booking] = await build({
      hosts: [{ installed: true, hasSettings: true, enabled: true, delay: 30, endedAfter: new Date(EPOCH - 24 * 60 * MINUTE) }],
      bookings: [{ host: 0, status: "ACCEPTED", start: new Date(EPOCH), lengthMinutes: 60, checkout: null, attendees: [] }],
      clock: new Date(EPOCH),
      nudge: 0,
      window: 5,
    });
    const now = new Date(EPOCH + 90 * MINUTE);
    expect(ruleSays(booking!, now).due).toBe(true);
    expect((await findDueSessions(prisma, { dueBy: now, limit: 10 })).map((row) => row.bookingId)).toContain(booking!.id);
  });

  it("pages by (due time, id): every session once, in order, also across equal due times", async () => {
    await clear();
    const starts = [0, 0, 0, 5, 5, 9, 12].map((minutes) => new Date(EPOCH + minutes * MINUTE));
    const bookings = await build({
      hosts: [{ installed: true, hasSettings: true, enabled: true, delay: 30, endedAfter: new Date(EPOCH - 24 * 60 * MINUTE) }],
      bookings: starts.map((start) => ({ host: 0, status: "ACCEPTED" as const, start, lengthMinutes: 60, checkout: null, attendees: [false] })),
      clock: new Date(EPOCH),
      nudge: 0,
      window: 60,
    });
    const from = new Date(EPOCH + 60 * MINUTE);
    const to = new Date(EPOCH + 120 * MINUTE);
    const whole = (await findDueSessions(prisma, { dueAfter: from, dueBy: to, limit: 100 })).map((row) => row.bookingId);
    expect(whole).toHaveLength(bookings.length);
    const paged: number[] = [];
    let after: { dueAt: Date; bookingId: number } | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await findDueSessions(prisma, { dueAfter: from, dueBy: to, after, limit: 2 });
      paged.push(...page.map((row) => row.bookingId));
      if (page.length < 2) break;
      after = { dueAt: page[1]!.dueAt, bookingId: page[1]!.bookingId };
    }
    expect(paged).toEqual(whole);
  });
});
