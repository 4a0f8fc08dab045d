import { describe, expect, it } from "vitest";

import { autoCheckoutDueAt, decideAutoCheckout } from "./auto-checkout";
import { DEFAULT_SETTINGS, type SessionCheckoutSettings } from "./settings";
import type { SessionSnapshot } from "./transitions";

const start = new Date("2026-03-10T09:00:00.000Z");
const end = new Date("2026-03-10T10:00:00.000Z");
const switchedOn = new Date("2026-03-01T00:00:00.000Z");
const on: SessionCheckoutSettings = {
  ...DEFAULT_SETTINGS,
  autoCheckoutEnabled: true,
  autoCheckoutDelayMinutes: 120,
  autoCheckoutEnabledAt: switchedOn,
  autoCheckoutEndedAfter: new Date(switchedOn.getTime() - 120 * 60_000),
};
const confirmed: SessionSnapshot = { bookingStatus: "ACCEPTED", startTime: start, attendees: [{ email: "a@x.example", name: "A", noShow: false }], checkoutState: null };
const dueAt = new Date("2026-03-10T12:00:00.000Z");
const at = (iso: string) => new Date(iso);

const decide = (overrides: Partial<Parameters<typeof decideAutoCheckout>[0]> = {}) =>
  decideAutoCheckout({ snapshot: confirmed, endTime: end, settings: on, installed: true, now: at("2026-03-10T12:00:30.000Z"), ...overrides });

describe("decideAutoCheckout", () => {
  it("is due exactly at end + delay, never a millisecond before", () => {
    expect(autoCheckoutDueAt(end, 120)).toEqual(dueAt);
    expect(decide({ now: dueAt })).toEqual({ due: true, dueAt });
    expect(decide({ now: new Date(dueAt.getTime() - 1) })).toEqual({ due: false, reason: "Not due yet.", dueAt });
  });

  it.each([
    [30, "2026-03-10T10:30:00.000Z"],
    [60, "2026-03-10T11:00:00.000Z"],
    [240, "2026-03-10T14:00:00.000Z"],
    [480, "2026-03-10T18:00:00.000Z"],
    [1440, "2026-03-11T10:00:00.000Z"],
  ] as const)("with a %i-minute delay it falls due at %s", (delay, iso) => {
    expect(decide({ settings: { ...on, autoCheckoutDelayMinutes: delay }, now: at(iso) })).toEqual({ due: true, dueAt: at(iso) });
    expect(decide({ settings: { ...on, autoCheckoutDelayMinutes: delay }, now: new Date(at(iso).getTime() - 1) }).due).toBe(false);
  });

  it("uses the setting in force now: a longer delay postpones, switching off stops", () => {
    expect(decide({ settings: { ...on, autoCheckoutDelayMinutes: 240 } }).due).toBe(false);
    expect(decide({ settings: { ...on, autoCheckoutEnabled: false } })).toMatchObject({ due: false, reason: "Auto-checkout is off." });
  });

  it("never back-fills: a session due before auto-checkout was switched on is left alone", () => {
    // Switched on exactly at the due time with a 2 h delay: the line is the session's end.
    expect(decide({ settings: { ...on, autoCheckoutEndedAfter: end } })).toMatchObject({ due: false, reason: "It fell due before auto-checkout was switched on." });
    expect(decide({ settings: { ...on, autoCheckoutEndedAfter: new Date(end.getTime() - 1) } }).due).toBe(true);
  });

  it("a shorter delay never drops a session that was waiting; a longer one never pulls in older ones", () => {
    // Switched on 1 minute before the 2 h due time: the session was waiting.
    const waiting = { ...on, autoCheckoutEnabledAt: new Date(dueAt.getTime() - 60_000), autoCheckoutEndedAfter: new Date(end.getTime() - 60_000) };
    expect(decide({ settings: { ...waiting, autoCheckoutDelayMinutes: 30 }, now: at("2026-03-10T10:30:00.000Z") })).toEqual({ due: true, dueAt: at("2026-03-10T10:30:00.000Z") });
    // Switched on 1 minute after it: the session was already due, and a 24 h delay does not bring it back.
    const after = { ...on, autoCheckoutEnabledAt: new Date(dueAt.getTime() + 60_000), autoCheckoutEndedAfter: new Date(end.getTime() + 60_000) };
    expect(decide({ settings: { ...after, autoCheckoutDelayMinutes: 1440 }, now: at("2026-03-11T10:00:00.000Z") }).due).toBe(false);
  });

  it("leaves undone checkouts, no-shows, pending and cancelled sessions, and hosts without the app", () => {
    expect(decide({ snapshot: { ...confirmed, checkoutState: "UNDONE" } })).toMatchObject({ due: false, reason: "The checkout was undone by hand." });
    expect(decide({ snapshot: { ...confirmed, attendees: [{ email: "a@x.example", name: "A", noShow: true }] } })).toMatchObject({ due: false, reason: "Only confirmed sessions are checked out. This session is No Show." });
    expect(decide({ snapshot: { ...confirmed, bookingStatus: "PENDING" } }).due).toBe(false);
    expect(decide({ snapshot: { ...confirmed, bookingStatus: "CANCELLED" } }).due).toBe(false);
    expect(decide({ snapshot: { ...confirmed, checkoutState: "ACTIVE" } }).due).toBe(false);
    expect(decide({ installed: false })).toMatchObject({ due: false, reason: "The host has not installed Session Checkout." });
  });
});
