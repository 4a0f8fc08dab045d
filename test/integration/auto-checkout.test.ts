import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";

import { runDueSession, runSchedulerPass, type JobStep } from "@calcom/app-store/session-checkout/jobs/auto-checkout";
import { EmbeddedJobRunner } from "@calcom/app-store/session-checkout/jobs/embedded-runner";
import { SESSION_CHECKED_OUT, SESSION_DUE, type AppEvent, type SessionDueData } from "@calcom/app-store/session-checkout/jobs/events";
import { advanceLines } from "@calcom/app-store/session-checkout/lib/services/due-sessions";
import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";
import type { BookingStatus } from "@calcom/prisma/enums";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { VirtualClock } from "../support/virtual-clock";

/*
 * The product page's auto-checkout rules, end to end on PostgreSQL: the scheduler's passes and
 * the embedded runner's per-session sleeps run the same job bodies as Inngest, on a clock the
 * tests move by hand. Then the faults: concurrent schedulers, a killed pass, a failing session,
 * races with the host and with Cal.com's own writes.
 */

const { prisma, url } = await useTestDatabase();
const make = factories(prisma);

const MINUTE = 60_000;
/** The tests' "now" starts at a whole minute two days ago, so every session in them has started. */
const T0 = Math.floor((Date.now() - 2 * 24 * 60 * MINUTE) / MINUTE) * MINUTE;
const at = (minutes: number) => new Date(T0 + minutes * MINUTE);

async function autoHost({ delay = 60, switchedOnAt = at(-24 * 60), installed = true, surveys = true }: { delay?: 30 | 60 | 120 | 240 | 480 | 1440; switchedOnAt?: Date; installed?: boolean; surveys?: boolean } = {}) {
  const host = await make.user({ installed });
  await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: delay, surveysEnabled: surveys }, now: switchedOnAt });
  return host;
}

/** A session of `hostId` ending at `endsAt`. */
function session(hostId: number, endsAt: Date, { lengthMinutes = 60, status = "ACCEPTED" as BookingStatus, attendees = [{ email: `client-${randomUUID().slice(0, 8)}@client.example`, noShow: false as boolean | null }] } = {}) {
  return prisma.booking.create({
    data: {
      uid: randomUUID(),
      title: "Auto session",
      userId: hostId,
      status,
      startTime: new Date(endsAt.getTime() - lengthMinutes * MINUTE),
      endTime: endsAt,
      attendees: { create: attendees.map((a) => ({ email: a.email, name: a.email.split("@")[0]!, timeZone: "Europe/London", noShow: a.noShow })) },
    },
    include: { attendees: true },
  });
}

const checkoutOf = (bookingId: number) => prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId } });
const auditOf = (bookingId: number) => prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId }, orderBy: { id: "asc" } });
const surveyEmails = async (bookingId: number) => (await prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId }, orderBy: { attendeeEmail: "asc" } })).map((s) => s.attendeeEmail);

/** A step that runs everything at once and keeps what the scheduler sends. */
function recordingStep(): { step: JobStep; sent: AppEvent[] } {
  const sent: AppEvent[] = [];
  return {
    sent,
    step: {
      run: async (_id, work) => JSON.parse(JSON.stringify(await work())),
      sleepUntil: async () => undefined,
      sendEvent: async (_id, events) => void sent.push(...events),
    },
  };
}

/** One scheduler pass at `now`, as Inngest's cron would run it. */
async function pass(now: Date) {
  const recorder = recordingStep();
  const summary = await runSchedulerPass({ db: prisma, step: recorder.step, clock: () => now });
  return { ...summary, sent: recorder.sent };
}

const runners: EmbeddedJobRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

/** The embedded runner on a virtual clock, listening to the app's events; the test drives its passes. */
function embeddedRunner(clock: VirtualClock, log: string[] = []) {
  const runner = new EmbeddedJobRunner({ db: () => prisma, clock: clock.now, sleepUntil: clock.sleepUntil, log: (line) => log.push(line), retryPausesMs: [0, 0] });
  runner.start({ everyMinute: false });
  runners.push(runner);
  return runner;
}

/** The due times of the runs sleeping for a booking. */
const sleepingFor = (runner: EmbeddedJobRunner, bookingId: number) => runner.sleepingRuns().filter((r) => r.bookingId === bookingId).map((r) => r.dueAt);
const switchedOnAt = async (hostId: number) => (await prisma.app_SessionCheckout_Settings.findUniqueOrThrow({ where: { userId: hostId } })).autoCheckoutEnabledAt!;
const keyOf = (bookingId: number, dueAt: Date, enabledAt: Date) => `${bookingId}@${dueAt.toISOString()}@${enabledAt.getTime()}`;

describe("auto-checkout: when", () => {
  it("falls due at start + duration + delay: a sleeping run checks out exactly then, never a millisecond before", async () => {
    const host = await autoHost({ delay: 60 });
    const booking = await session(host.id, at(15), { lengthMinutes: 45 });
    const dueAt = at(75);
    const clock = new VirtualClock(at(70).getTime());
    const runner = embeddedRunner(clock);

    const { sent } = await pass(clock.now());
    const key = keyOf(booking.id, dueAt, await switchedOnAt(host.id));
    expect(sent.filter((e) => e.name === SESSION_DUE && (e.data as SessionDueData).bookingId === booking.id)).toEqual([
      { name: SESSION_DUE, id: `${SESSION_DUE}:${key}`, data: { bookingId: booking.id, hostUserId: host.id, dueAt: dueAt.toISOString(), key } },
    ]);
    runner.accept(sent);
    expect(sleepingFor(runner, booking.id)).toContain(dueAt.toISOString());

    clock.set(dueAt.getTime() - 1);
    expect(sleepingFor(runner, booking.id)).toContain(dueAt.toISOString());
    expect(await checkoutOf(booking.id)).toBeNull();

    clock.set(dueAt);
    await vi.waitFor(async () => expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE", method: "AUTO", checkedOutById: null }));
    // Exactly on time: the run woke at the due instant and checked out with it.
    expect((await checkoutOf(booking.id))!.checkedOutAt).toEqual(dueAt);
  });

  it("a session whose run never happened (engine down) is caught up by the next minute's pass: at most a minute late", async () => {
    const host = await autoHost({ delay: 30 });
    const booking = await session(host.id, at(100.5));
    const dueAt = at(130.5);
    // The pass at the minute before: not yet due (but scheduled). The pass at the next minute: caught up.
    expect((await pass(at(130))).checkedOut).toBe(0);
    expect(await checkoutOf(booking.id)).toBeNull();
    const nextMinute = at(131);
    await pass(nextMinute);
    const checkout = await checkoutOf(booking.id);
    expect(checkout).toMatchObject({ state: "ACTIVE", method: "AUTO" });
    const lateBy = checkout!.checkedOutAt.getTime() - dueAt.getTime();
    expect(lateBy).toBeGreaterThanOrEqual(0);
    expect(lateBy).toBeLessThanOrEqual(MINUTE);
  });

  it("after a restart nothing is lost: a new runner's first pass finishes what fell due while none ran", async () => {
    const host = await autoHost({ delay: 30 });
    const bookings = await Promise.all([0, 1, 2].map((i) => session(host.id, at(200 + i))));
    const clock = new VirtualClock(at(225).getTime());
    const first = embeddedRunner(clock);
    await first.runPass();
    expect(first.sleepingRuns().filter((r) => bookings.some((b) => b.id === r.bookingId))).toHaveLength(3);
    await first.stop(); // the process ends: its sleeping runs die with it

    clock.set(at(300));
    const second = embeddedRunner(clock);
    await second.runPass();
    for (const booking of bookings) expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE", method: "AUTO" });
  });
});

describe("auto-checkout: which sessions", () => {
  it("only Confirmed: Pending, Cancelled, Rejected, awaiting the host and No Show are skipped; a group's absentee gets no survey", async () => {
    const host = await autoHost({ delay: 30 });
    const skipped = await Promise.all([
      ...(["PENDING", "CANCELLED", "REJECTED", "AWAITING_HOST"] as const).map((status) => session(host.id, at(300), { status })),
      session(host.id, at(300), { attendees: [{ email: "gone@client.example", noShow: true }] }),
    ]);
    const group = await session(host.id, at(300), { attendees: [{ email: "came@client.example", noShow: false }, { email: "away@client.example", noShow: true }] });
    const noAttendees = await session(host.id, at(300), { attendees: [] });
    await pass(at(331));
    for (const booking of skipped) expect(await checkoutOf(booking.id)).toBeNull();
    expect(await checkoutOf(group.id)).toMatchObject({ state: "ACTIVE" });
    expect(await surveyEmails(group.id)).toEqual(["came@client.example"]);
    expect(await checkoutOf(noAttendees.id)).toMatchObject({ state: "ACTIVE" });
  });

  it("never re-completes a checkout the host undid, and a sleeping run is cancelled by the undo", async () => {
    const host = await autoHost({ delay: 60 });
    const booking = await session(host.id, at(400));
    const dueAt = at(460);
    const clock = new VirtualClock(at(455).getTime());
    const runner = embeddedRunner(clock);
    await runner.runPass();
    expect(sleepingFor(runner, booking.id)).toContain(dueAt.toISOString());

    const actor = { kind: "user" as const, userId: host.id };
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor, now: at(456) });
    expect(runner.sleepingRuns().map((r) => r.bookingId)).not.toContain(booking.id);
    await performSessionAction(prisma, { bookingId: booking.id, action: "undoCheckout", actor, now: at(457) });

    clock.set(at(600));
    await runner.runPass();
    expect(await checkoutOf(booking.id)).toMatchObject({ state: "UNDONE" });
    expect((await auditOf(booking.id)).map((e) => e.action)).toEqual(["CHECKED_OUT", "CHECKOUT_UNDONE"]);
  });

  it("a sleeping run is not cancelled by an auto-checkout's own event, only by a checkout by hand", async () => {
    const host = await autoHost({ delay: 30 });
    const booking = await session(host.id, at(450));
    const clock = new VirtualClock(at(475).getTime());
    const runner = embeddedRunner(clock);
    await runner.runPass();
    const changed = { bookingId: booking.id, hostUserId: host.id, at: at(476).toISOString() };
    runner.accept([{ name: SESSION_CHECKED_OUT, data: { ...changed, method: "AUTO" } }]);
    expect(runner.sleepingRuns().map((r) => r.bookingId)).toContain(booking.id);
    runner.accept([{ name: SESSION_CHECKED_OUT, data: { ...changed, method: "BULK" } }]);
    expect(runner.sleepingRuns().map((r) => r.bookingId)).not.toContain(booking.id);
  });

  it("leaves the sessions of a host who has not installed the app untouched, whatever their settings", async () => {
    const host = await autoHost({ installed: false, delay: 30 });
    const booking = await session(host.id, at(500));
    const { sent } = await pass(at(525));
    expect(sent.map((e) => e.data).filter((d) => "bookingId" in d && d.bookingId === booking.id)).toEqual([]);
    await pass(at(600));
    expect(await checkoutOf(booking.id)).toBeNull();
    expect(await auditOf(booking.id)).toEqual([]);
  });
});

describe("auto-checkout: the setting in force decides", () => {
  it("a save that does not move due times (surveys) leaves sleeping runs alone; off and on again plans them anew", async () => {
    const host = await autoHost({ delay: 30 });
    const booking = await session(host.id, at(650));
    const clock = new VirtualClock(at(675).getTime());
    const runner = embeddedRunner(clock);
    await runner.runPass();
    await callerFor(prisma, host).updateSettings({ surveysEnabled: false });
    expect(sleepingFor(runner, booking.id)).toEqual([at(680).toISOString()]);

    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: false }, now: at(676) });
    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: true }, now: at(677) });
    expect(sleepingFor(runner, booking.id)).toEqual([]);
    // Switched on again at 677 with 30 minutes: the session (due 680) falls due after that, so it counts.
    await runner.runPass();
    expect(sleepingFor(runner, booking.id)).toEqual([at(680).toISOString()]);
    clock.set(at(680));
    await vi.waitFor(async () => expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE", checkedOutAt: at(680) }));
  });

  it("a longer delay postpones: the sleeping run is cancelled, and the new due time gets a run of its own", async () => {
    const host = await autoHost({ delay: 60 });
    const booking = await session(host.id, at(700));
    const clock = new VirtualClock(at(755).getTime());
    const runner = embeddedRunner(clock);
    await runner.runPass();
    expect(sleepingFor(runner, booking.id)).toContain(at(760).toISOString());

    await callerFor(prisma, host).updateSettings({ autoCheckoutDelayMinutes: 240 });
    expect(runner.sleepingRuns().map((r) => r.bookingId)).not.toContain(booking.id);
    clock.set(at(761));
    await runner.runPass();
    expect(await checkoutOf(booking.id)).toBeNull();

    clock.set(at(935));
    await runner.runPass();
    expect(sleepingFor(runner, booking.id)).toContain(at(940).toISOString());
    clock.set(at(940));
    await vi.waitFor(async () => expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE", checkedOutAt: at(940) }));
  });

  it("a rescheduled session gets a new run at its new due time; the old run wakes and finds nothing to do", async () => {
    const host = await autoHost({ delay: 30 });
    const booking = await session(host.id, at(850));
    const clock = new VirtualClock(at(875).getTime());
    const log: string[] = [];
    const runner = embeddedRunner(clock, log);
    await runner.runPass();
    expect(sleepingFor(runner, booking.id)).toEqual([at(880).toISOString()]);
    // Cal.com moves the session 20 minutes later (a reschedule sends none of the app's events).
    await prisma.booking.update({ where: { id: booking.id }, data: { startTime: at(810), endTime: at(870) } });
    clock.set(at(880));
    await vi.waitFor(() => expect(sleepingFor(runner, booking.id)).toEqual([]));
    expect(await checkoutOf(booking.id)).toBeNull();
    // The next passes plan the new due time (900) once it is within the ten-minute look-ahead.
    clock.set(at(891));
    await runner.runPass();
    expect(sleepingFor(runner, booking.id)).toEqual([at(900).toISOString()]);
    clock.set(at(900));
    await vi.waitFor(async () => expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE", checkedOutAt: at(900) }));
  });

  it("switching off stops it, for sleeping runs and for the catch-up", async () => {
    const host = await autoHost({ delay: 30 });
    const booking = await session(host.id, at(1000));
    const clock = new VirtualClock(at(1025).getTime());
    const runner = embeddedRunner(clock);
    await runner.runPass();
    expect(runner.sleepingRuns().map((r) => r.bookingId)).toContain(booking.id);
    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: false }, now: at(1026) });
    expect(runner.sleepingRuns().map((r) => r.bookingId)).not.toContain(booking.id);
    clock.set(at(1100));
    await runner.runPass();
    expect(await checkoutOf(booking.id)).toBeNull();
  });

  it("a shorter delay never drops a session that was waiting: it is checked out at once", async () => {
    // Switched on at 1200 with a 2 h delay; the session ended an hour before, so it was waiting (due at 1260).
    const host = await autoHost({ delay: 120, switchedOnAt: at(1200) });
    const waiting = await session(host.id, at(1140));
    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutDelayMinutes: 30 }, now: at(1205) });
    // Now due at 1170 — before the moment auto-checkout was switched on, but it was waiting then.
    await pass(at(1206));
    expect(await checkoutOf(waiting.id)).toMatchObject({ state: "ACTIVE", method: "AUTO" });
  });

  it("switching on never back-fills: only sessions that fall due after that moment", async () => {
    const host = await make.user();
    const alreadyDue = await session(host.id, at(1300)); // due at 1420 with a 2 h delay
    const stillWaiting = await session(host.id, at(1330)); // due at 1450
    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 120 }, now: at(1430) });
    await pass(at(1431));
    expect(await checkoutOf(alreadyDue.id)).toBeNull();
    expect(await checkoutOf(stillWaiting.id)).toBeNull();
    await pass(at(1451));
    expect(await checkoutOf(stillWaiting.id)).toMatchObject({ state: "ACTIVE" });
    // A longer delay later does not bring the old one back either.
    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutDelayMinutes: 1440 }, now: at(1452) });
    await pass(at(1300 + 1441));
    expect(await checkoutOf(alreadyDue.id)).toBeNull();
  });
});

describe("auto-checkout: each session decided once, when it falls due", () => {
  const lineOf = async (hostId: number) => (await prisma.app_SessionCheckout_Settings.findUniqueOrThrow({ where: { userId: hostId } })).autoCheckoutEndedAfter!;

  it("a pass moves the host's line up to what it decided; a session No Show at its due time stays the host's after a later clear", async () => {
    const host = await autoHost({ delay: 30, switchedOnAt: at(1400) });
    const absent = await session(host.id, at(1450), { attendees: [{ email: "gone@client.example", noShow: true }] });
    await pass(at(1490));
    expect(await lineOf(host.id)).toEqual(at(1460));
    await callerFor(prisma, host).clearNoShow({ bookingId: absent.id });
    // A line that lags by 10 minutes or less is left as it is (no row rewritten every minute).
    await pass(at(1500));
    expect(await lineOf(host.id)).toEqual(at(1460));
    await pass(at(1520));
    expect(await checkoutOf(absent.id)).toBeNull();
    expect(await lineOf(host.id)).toEqual(at(1490));
  });

  it("the line never passes a session that failed, and a host who changed the schedule during the pass keeps it", async () => {
    const host = await autoHost({ delay: 30, switchedOnAt: at(1500) });
    const bad = await session(host.id, at(1520));
    await failAuditInsertsFor(bad.id, 1_000);
    try {
      await pass(at(1560));
      expect(await lineOf(host.id)).toEqual(new Date(at(1520).getTime() - 1));
    } finally {
      await removeFailures();
    }
    // The host changes the delay while a pass runs: that pass leaves the line alone.
    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutDelayMinutes: 60 }, now: at(1561) });
    await advanceLines(prisma, { through: at(1562), failedBookingIds: [] });
    expect(await lineOf(host.id)).toEqual(new Date(at(1520).getTime() - 1));
    // Now due at 1580 (end 1520 + 60): checked out; later passes move the line on.
    await pass(at(1581));
    expect(await checkoutOf(bad.id)).toMatchObject({ state: "ACTIVE" });
    await pass(at(1600));
    expect(await lineOf(host.id)).toEqual(at(1540));
  });

  it("a delay changed and changed back during a pass skips nothing: the next pass checks the session out", async () => {
    const host = await autoHost({ delay: 30, switchedOnAt: at(1600) });
    const booking = await session(host.id, at(1620)); // due at 1650
    const recorder = recordingStep();
    const step: JobStep = {
      ...recorder.step,
      run: async (id, work) => {
        if (id === "catch-up-1") await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutDelayMinutes: 120 }, now: at(1661) });
        const result = await recorder.step.run(id, work);
        if (id === "catch-up-1") await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutDelayMinutes: 30 }, now: at(1662) });
        return result;
      },
    };
    const first = await runSchedulerPass({ db: prisma, step, clock: () => at(1660) });
    expect(first.skipped).toBeGreaterThan(0);
    expect(await checkoutOf(booking.id)).toBeNull();
    await pass(at(1663));
    expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE", method: "AUTO" });
  });

  it("a save that leaves the schedule alone never moves the line back", async () => {
    const host = await autoHost({ delay: 30, switchedOnAt: at(1700) });
    await pass(at(1800));
    expect(await lineOf(host.id)).toEqual(at(1770));
    await callerFor(prisma, host).updateSettings({ surveysEnabled: false });
    expect(await lineOf(host.id)).toEqual(at(1770));
  });
});

describe("auto-checkout: the same effects as a manual checkout", () => {
  it("History names Auto-checkout, and the surveys queued are exactly those a manual checkout queues", async () => {
    const host = await autoHost({ delay: 30 });
    const attendees = [
      { email: "Ada@Client.Example", noShow: false },
      { email: "bob@client.example", noShow: null },
      { email: "carl@client.example", noShow: true },
    ];
    const manual = await session(host.id, at(1600), { attendees });
    const auto = await session(host.id, at(1600), { attendees });
    const manualResult = await performSessionAction(prisma, { bookingId: manual.id, action: "checkout", actor: { kind: "user", userId: host.id }, now: at(1601) });
    await pass(at(1631));

    expect(await surveyEmails(auto.id)).toEqual(await surveyEmails(manual.id));
    expect(await surveyEmails(auto.id)).toEqual(["ada@client.example", "bob@client.example"]);
    const [entry] = await auditOf(auto.id);
    expect(entry).toMatchObject({ action: "CHECKED_OUT", actorType: "AUTO_CHECKOUT", actorUserId: null, source: "AUTO", details: { from: "CONFIRMED", to: "COMPLETED", surveysQueued: manualResult.surveysQueued } });
    const details = await callerFor(prisma, host).getSession({ bookingId: auto.id });
    expect([details.status, details.history[0]!.actor.name]).toEqual(["COMPLETED", "Auto-checkout"]);
  });
});

describe("auto-checkout: faults and races", () => {
  it("two schedulers at once check every session out exactly once", async () => {
    const host = await autoHost({ delay: 30 });
    const bookings = await Promise.all(Array.from({ length: 40 }, (_, i) => session(host.id, at(1700 + i / 10))));
    const ids = new Set(bookings.map((b) => b.id));
    const [first, second] = await Promise.all([pass(at(1800)), pass(at(1800))]);
    expect(first.failed.concat(second.failed)).toEqual([]);
    for (const booking of bookings) {
      expect((await auditOf(booking.id)).filter((e) => e.action === "CHECKED_OUT")).toHaveLength(1);
      expect(await surveyEmails(booking.id)).toHaveLength(1);
    }
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: { in: [...ids] }, state: "ACTIVE" } })).toBe(40);
  });

  it("a pass killed half-way leaves nothing half-done, and the next pass finishes the rest", async () => {
    const host = await autoHost({ delay: 30 });
    const count = 3000;
    const start = at(2000);
    await prisma.booking.createMany({
      data: Array.from({ length: count }, (_, i) => ({ uid: `kill-${host.id}-${i}`, title: "Auto session", userId: host.id, status: "ACCEPTED" as const, startTime: new Date(start.getTime() - MINUTE), endTime: start })),
    });
    const bookings = await prisma.booking.findMany({ where: { userId: host.id }, select: { id: true } });
    await prisma.attendee.createMany({ data: bookings.map((b) => ({ bookingId: b.id, email: `c${b.id}@client.example`, name: "C", timeZone: "UTC" })) });
    const ids = bookings.map((b) => b.id);
    const done = () => prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: { in: ids } } });

    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "..", "support", "scheduler-pass-process.ts")], {
      env: { ...process.env, DATABASE_URL: url, PASS_CLOCK_MS: String(at(2031).getTime()) },
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await vi.waitFor(async () => expect(await done()).toBeGreaterThan(0), { timeout: 60_000, interval: 10 });
    child.kill("SIGKILL");
    await exited;
    const atKill = await done();
    expect(atKill).toBeLessThan(count); // killed before it finished, or this test proves nothing

    await expectNothingHalfDone(ids);
    await pass(at(2032));
    expect(await done()).toBe(count);
    await expectNothingHalfDone(ids);
  });

  it("one session failing with a database error never aborts the others, and is retried", async () => {
    const host = await autoHost({ delay: 30 });
    const bookings = await Promise.all(Array.from({ length: 5 }, (_, i) => session(host.id, at(2100 + i))));
    const bad = bookings[2]!;
    await failAuditInsertsFor(bad.id, 2); // the batch attempt and the retry of the session alone
    try {
      const first = await pass(at(2140));
      expect(first.failed.map((f) => f.bookingId)).toEqual([bad.id]);
      for (const booking of bookings) expect(await checkoutOf(booking.id)).toEqual(booking === bad ? null : expect.objectContaining({ state: "ACTIVE" }));
      const second = await pass(at(2141));
      expect(second.failed).toEqual([]);
      expect(await checkoutOf(bad.id)).toMatchObject({ state: "ACTIVE" });
      await expectNothingHalfDone(bookings.map((b) => b.id));
    } finally {
      await removeFailures();
    }
  });

  it("sessions that keep failing never starve the ones behind them in the same pass", async () => {
    const host = await autoHost({ delay: 30 });
    const failing = await Promise.all([0, 1, 2].map((i) => session(host.id, at(2150 + i / 10))));
    const good = await session(host.id, at(2151));
    await failAuditInsertsFor(failing.map((b) => b.id), 1_000);
    try {
      const recorder = recordingStep();
      const summary = await runSchedulerPass({ db: prisma, step: recorder.step, clock: () => at(2190), batchSize: 2 });
      expect(await checkoutOf(good.id)).toMatchObject({ state: "ACTIVE" });
      // Each failing session is tried once in the pass, not once per batch.
      expect(summary.failed.map((f) => f.bookingId).sort()).toEqual(failing.map((b) => b.id).sort());
    } finally {
      await removeFailures();
    }
  });

  it("a sleeping run whose checkout fails once retries the step and checks out", async () => {
    const host = await autoHost({ delay: 30 });
    const booking = await session(host.id, at(2200));
    const clock = new VirtualClock(at(2225).getTime());
    const log: string[] = [];
    const runner = embeddedRunner(clock, log);
    await runner.runPass();
    await failAuditInsertsFor(booking.id, 1);
    try {
      clock.set(at(2230));
      await vi.waitFor(async () => expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE", checkedOutAt: at(2230) }));
      expect(log.filter((line) => line.includes(`booking ${booking.id}`) && line.includes("failed"))).toEqual([]);
    } finally {
      await removeFailures();
    }
  });

  it("a host's No-Show racing the auto-checkout ends in one consistent state, every time", async () => {
    const host = await autoHost({ delay: 30, switchedOnAt: at(-50 * 24 * 60) });
    const caller = callerFor(prisma, host);
    const outcomes = new Set<string>();
    for (let i = 0; i < 15; i++) {
      const booking = await session(host.id, at(-40 * 24 * 60 + i)); // long due, in real time too
      const dueAt = new Date(booking.endTime.getTime() + 30 * MINUTE);
      const [noShow, auto] = await Promise.allSettled([
        caller.markNoShow({ bookingId: booking.id }),
        runDueSession({ db: prisma, step: recordingStep().step, data: { bookingId: booking.id, hostUserId: host.id, dueAt: dueAt.toISOString(), key: `race-${booking.id}` } }),
      ]);
      const checkout = await checkoutOf(booking.id);
      const absent = (await prisma.attendee.findMany({ where: { bookingId: booking.id } })).every((a) => a.noShow === true);
      const surveys = await surveyEmails(booking.id);
      const actions = (await auditOf(booking.id)).map((e) => e.action);
      if (checkout) {
        expect([checkout.state, absent, surveys.length, actions]).toEqual(["ACTIVE", false, 1, ["CHECKED_OUT"]]);
        expect(noShow.status === "rejected" && String(noShow.reason)).toContain("This session is Completed");
        outcomes.add("completed");
      } else {
        expect([absent, surveys, actions]).toEqual([true, [], ["NO_SHOW_MARKED"]]);
        expect(auto.status === "fulfilled" && auto.value).toMatchObject({ outcome: "skipped", reason: expect.stringContaining("No Show") });
        outcomes.add("no-show");
      }
    }
    // Which one wins is up to the two transactions; every ending above was checked for consistency.
    console.log(`No-Show vs auto-checkout, 15 races: ${[...outcomes].join(" and ")} seen`);
  });

  it("Cal.com marking an attendee absent on its own connection while a checkout runs: no survey is queued for them", async () => {
    const host = await autoHost({ delay: 30 });
    const booking = await session(host.id, at(2300), { attendees: [{ email: "here@client.example", noShow: false }, { email: "absent@client.example", noShow: false }] });
    const absentee = booking.attendees.find((a) => a.email === "absent@client.example")!;
    // Cal.com's own write: no booking lock, just the attendee row, in a transaction still open.
    const calcom = new pg.Client({ connectionString: url });
    await calcom.connect();
    try {
      await calcom.query("BEGIN");
      await calcom.query(`UPDATE "Attendee" SET "noShow" = true WHERE "id" = $1`, [absentee.id]);
      let settled = false;
      const checkout = pass(at(2331)).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false); // the checkout tries again until Cal.com lets go of the row
      await calcom.query("COMMIT");
      await checkout;
    } finally {
      await calcom.end();
    }
    expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE" });
    expect(await surveyEmails(booking.id)).toEqual(["here@client.example"]);
  });

  it("Cal.com marking an attendee absent after the checkout committed: their queued survey is withheld, the others' stay", async () => {
    const host = await autoHost({ delay: 30 });
    const booking = await session(host.id, at(2400), { attendees: [{ email: "here@client.example", noShow: false }, { email: " Late.Absent@Client.Example", noShow: null }] });
    await pass(at(2431));
    expect(await surveyEmails(booking.id)).toEqual(["here@client.example", "late.absent@client.example"]);
    const absentee = booking.attendees.find((a) => a.email.includes("Late.Absent"))!;
    const calcom = new pg.Client({ connectionString: url });
    await calcom.connect();
    try {
      await calcom.query(`UPDATE "Attendee" SET "noShow" = true WHERE "id" = $1`, [absentee.id]);
    } finally {
      await calcom.end();
    }
    // Withheld: kept as CANCELLED, so it is never sent and never queued again.
    const surveys = await prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId: booking.id }, orderBy: { attendeeEmail: "asc" } });
    expect(surveys.map((s) => [s.attendeeEmail, s.status])).toEqual([
      ["here@client.example", "QUEUED"],
      ["late.absent@client.example", "CANCELLED"],
    ]);
  });

  it("the Inngest endpoint says plainly that Inngest is not configured when the jobs run embedded", async () => {
    const { default: inngestHandler } = await import("@calcom/app-store/session-checkout/api/inngest");
    const response = await inngestHandler(new Request("http://localhost/api/integrations/session-checkout/inngest"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: expect.stringContaining("Inngest is not configured here: auto-checkout runs embedded") });
  });
});

/** Every checkout has exactly one History entry and its survey rows; nothing exists without its checkout. */
async function expectNothingHalfDone(bookingIds: number[]) {
  const [row] = await prisma.$queryRaw<Array<{ orphanAudit: bigint; orphanSurveys: bigint; checkoutsWithoutOneAudit: bigint; checkoutsWithoutSurvey: bigint }>>`
    SELECT
      (SELECT count(*) FROM "App_SessionCheckout_AuditEntry" a WHERE a."bookingId" = ANY(${bookingIds}::int[]) AND a."action" = 'CHECKED_OUT'
         AND NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = a."bookingId")) AS "orphanAudit",
      (SELECT count(*) FROM "App_SessionCheckout_Survey" s WHERE s."bookingId" = ANY(${bookingIds}::int[])
         AND NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = s."bookingId")) AS "orphanSurveys",
      (SELECT count(*) FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = ANY(${bookingIds}::int[])
         AND (SELECT count(*) FROM "App_SessionCheckout_AuditEntry" a WHERE a."bookingId" = c."bookingId" AND a."action" = 'CHECKED_OUT') <> 1) AS "checkoutsWithoutOneAudit",
      (SELECT count(*) FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = ANY(${bookingIds}::int[])
         AND NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_Survey" s WHERE s."bookingId" = c."bookingId")) AS "checkoutsWithoutSurvey"`;
  expect(row).toEqual({ orphanAudit: 0n, orphanSurveys: 0n, checkoutsWithoutOneAudit: 0n, checkoutsWithoutSurvey: 0n });
}

/** A transient database error: History inserts for these bookings fail `times` times in all, then succeed. */
async function failAuditInsertsFor(bookingIds: number | number[], times: number) {
  const ids = (Array.isArray(bookingIds) ? bookingIds : [bookingIds]).map(Number).join(",");
  await prisma.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS test_failures`);
  await prisma.$executeRawUnsafe(`ALTER SEQUENCE test_failures RESTART WITH 1`);
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger AS $$
    BEGIN
      IF NEW."bookingId" IN (${ids}) AND nextval('test_failures') <= ${Number(times)} THEN
        RAISE EXCEPTION 'simulated transient failure';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await prisma.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER test_fail_audit BEFORE INSERT ON "App_SessionCheckout_AuditEntry" FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`);
}

async function removeFailures() {
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_audit ON "App_SessionCheckout_AuditEntry"`);
}
