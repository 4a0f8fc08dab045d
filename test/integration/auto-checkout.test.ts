import { describe, expect, it } from "vitest";

import { runAutoCheckoutSweep } from "@calcom/app-store/session-checkout/lib/services/auto-checkout-sweep";
import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";

import { callerFor, factories, minutesFromNow } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);
const HOUR = 60;

/** A host with auto-checkout on (2 h delay), switched on `switchedOnMinutesAgo` minutes ago. */
async function autoHost({ installed = true, switchedOnMinutesAgo = 3 * 24 * HOUR, surveys = false } = {}) {
  const host = await make.user({ installed });
  await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 120, surveysEnabled: surveys }, now: minutesFromNow(-switchedOnMinutesAgo) });
  return host;
}

/** A 60-minute session that ended `endedMinutesAgo` minutes ago. */
const endedAgo = (hostId: number, endedMinutesAgo: number, extra: Partial<Parameters<typeof make.booking>[0]> = {}) =>
  make.booking({ hostId, startedMinutesAgo: endedMinutesAgo + 60, lengthMinutes: 60, ...extra });

const checkoutOf = (bookingId: number) => prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId } });

describe("the auto-checkout sweep", () => {
  it("checks out a due session as Auto-checkout, with the same effects as a manual checkout", async () => {
    const host = await autoHost({ surveys: true });
    const booking = await endedAgo(host.id, 3 * HOUR);
    const result = await runAutoCheckoutSweep(prisma);
    expect(result.checkedOut).toContain(booking.id);
    expect(await checkoutOf(booking.id)).toMatchObject({ state: "ACTIVE", method: "AUTO", checkedOutById: null });
    expect(await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId: booking.id } })).toEqual([
      expect.objectContaining({ action: "CHECKED_OUT", actorType: "AUTO_CHECKOUT", actorUserId: null, source: "AUTO" }),
    ]);
    expect(await prisma.app_SessionCheckout_Survey.count({ where: { bookingId: booking.id } })).toBe(1);
    const session = await callerFor(prisma, host).getSession({ bookingId: booking.id });
    expect([session.status, session.history[0]!.actor.name]).toEqual(["COMPLETED", "Auto-checkout"]);
  });

  it("is never early: not a millisecond before end + delay, and at it", async () => {
    const host = await autoHost();
    const booking = await endedAgo(host.id, 30);
    const dueAt = new Date(booking.endTime.getTime() + 120 * 60_000);
    expect((await runAutoCheckoutSweep(prisma, { now: new Date(dueAt.getTime() - 1) })).checkedOut).not.toContain(booking.id);
    expect(await checkoutOf(booking.id)).toBeNull();
    expect((await runAutoCheckoutSweep(prisma, { now: dueAt })).checkedOut).toContain(booking.id);
  });

  it("does nothing for a host who has not installed the app, even with auto-checkout on", async () => {
    const host = await autoHost({ installed: false });
    const booking = await endedAgo(host.id, 5 * HOUR);
    await runAutoCheckoutSweep(prisma);
    expect(await checkoutOf(booking.id)).toBeNull();
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: booking.id } })).toBe(0);
  });

  it("leaves hosts with auto-checkout off, sessions due before it was switched on, and pending sessions", async () => {
    const off = await make.user();
    const offBooking = await endedAgo(off.id, 5 * HOUR);
    const recent = await autoHost({ switchedOnMinutesAgo: 60 });
    const backlog = await endedAgo(recent.id, 5 * HOUR);
    const pending = await endedAgo(recent.id, 30 * HOUR, { status: "PENDING" });
    await runAutoCheckoutSweep(prisma);
    for (const booking of [offBooking, backlog, pending]) expect(await checkoutOf(booking.id)).toBeNull();
  });

  it("never re-completes an undone checkout, and skips No Show sessions", async () => {
    const host = await autoHost();
    const undone = await endedAgo(host.id, 4 * HOUR);
    await performSessionAction(prisma, { bookingId: undone.id, action: "checkout", actor: { kind: "user", userId: host.id } });
    await performSessionAction(prisma, { bookingId: undone.id, action: "undoCheckout", actor: { kind: "user", userId: host.id } });
    const noShow = await endedAgo(host.id, 4 * HOUR, { attendees: [{ email: "gone@client.example", noShow: true }] });
    const result = await runAutoCheckoutSweep(prisma);
    expect(result.checkedOut).not.toContain(undone.id);
    expect(result.checkedOut).not.toContain(noShow.id);
    expect(await checkoutOf(undone.id)).toMatchObject({ state: "UNDONE" });
    expect(await checkoutOf(noShow.id)).toBeNull();
  });

  it("uses the delay in force when it runs: a longer delay postpones the checkout", async () => {
    const host = await autoHost();
    const booking = await endedAgo(host.id, 3 * HOUR);
    await callerFor(prisma, host).updateSettings({ autoCheckoutDelayMinutes: 240 });
    expect((await runAutoCheckoutSweep(prisma)).checkedOut).not.toContain(booking.id);
    expect((await runAutoCheckoutSweep(prisma, { now: minutesFromNow(HOUR + 1) })).checkedOut).toContain(booking.id);
  });

  it("two sweeps at once check each session out exactly once", async () => {
    const host = await autoHost();
    const bookings = await Promise.all(Array.from({ length: 5 }, (_, i) => endedAgo(host.id, 3 * HOUR + i)));
    const [first, second] = await Promise.all([runAutoCheckoutSweep(prisma), runAutoCheckoutSweep(prisma)]);
    for (const booking of bookings) {
      expect([first!.checkedOut.includes(booking.id), second!.checkedOut.includes(booking.id)].filter(Boolean)).toHaveLength(1);
      expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: booking.id } })).toBe(1);
    }
  });
});
