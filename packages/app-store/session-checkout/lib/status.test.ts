import { describe, expect, it } from "vitest";

import {
  clientSessionStatus,
  deriveSessionStatus,
  SESSION_STATUS_LABELS,
  SESSION_STATUSES,
  type CheckoutState,
  type SessionStatus,
  type StatusInputs,
} from "./status";
import type { BookingStatus } from "@calcom/prisma/enums";

const NONE: StatusInputs["attendees"] = [];
const ONE_PRESENT = [{ noShow: false }];
const ONE_NO_SHOW = [{ noShow: true }];
const ONE_UNKNOWN = [{ noShow: null }];
const GROUP_ALL_NO_SHOW = [{ noShow: true }, { noShow: true }, { noShow: true }];
const GROUP_PARTIAL = [{ noShow: true }, { noShow: false }, { noShow: true }];
const GROUP_PARTIAL_NULL = [{ noShow: true }, { noShow: null }];

describe("SESSION_STATUSES and labels", () => {
  it("lists the statuses in the order of the status table", () => {
    expect(SESSION_STATUSES).toEqual(["PENDING", "CANCELLED", "NO_SHOW", "COMPLETED", "CONFIRMED"]);
  });

  it.each<[SessionStatus, string]>([
    ["PENDING", "Pending"],
    ["CANCELLED", "Cancelled"],
    ["NO_SHOW", "No Show"],
    ["COMPLETED", "Completed"],
    ["CONFIRMED", "Confirmed"],
  ])("labels %s as %j", (status, label) => {
    expect(SESSION_STATUS_LABELS[status]).toBe(label);
  });

  it("has a label for every status and nothing else", () => {
    expect(Object.keys(SESSION_STATUS_LABELS).sort()).toEqual([...SESSION_STATUSES].sort());
  });
});

describe("deriveSessionStatus", () => {
  it.each<{ name: string; bookingStatus: BookingStatus; attendees: StatusInputs["attendees"]; checkoutState: CheckoutState | null; expected: SessionStatus }>([
    // Pending = PENDING or AWAITING_HOST
    { name: "PENDING", bookingStatus: "PENDING", attendees: ONE_PRESENT, checkoutState: null, expected: "PENDING" },
    { name: "AWAITING_HOST", bookingStatus: "AWAITING_HOST", attendees: ONE_PRESENT, checkoutState: null, expected: "PENDING" },
    // Cancelled = CANCELLED or REJECTED
    { name: "CANCELLED", bookingStatus: "CANCELLED", attendees: ONE_PRESENT, checkoutState: null, expected: "CANCELLED" },
    { name: "REJECTED", bookingStatus: "REJECTED", attendees: ONE_PRESENT, checkoutState: null, expected: "CANCELLED" },
    // No Show = ACCEPTED and every attendee noShow, at least one attendee
    { name: "ACCEPTED, the only attendee no-show", bookingStatus: "ACCEPTED", attendees: ONE_NO_SHOW, checkoutState: null, expected: "NO_SHOW" },
    { name: "ACCEPTED, every attendee of a group no-show", bookingStatus: "ACCEPTED", attendees: GROUP_ALL_NO_SHOW, checkoutState: null, expected: "NO_SHOW" },
    { name: "ACCEPTED, all no-show with an UNDONE checkout", bookingStatus: "ACCEPTED", attendees: GROUP_ALL_NO_SHOW, checkoutState: "UNDONE", expected: "NO_SHOW" },
    // No Show comes before Completed in the table
    { name: "ACCEPTED, all no-show with an ACTIVE checkout (No Show wins)", bookingStatus: "ACCEPTED", attendees: ONE_NO_SHOW, checkoutState: "ACTIVE", expected: "NO_SHOW" },
    // Completed = ACCEPTED and an ACTIVE checkout
    { name: "ACCEPTED, ACTIVE checkout", bookingStatus: "ACCEPTED", attendees: ONE_PRESENT, checkoutState: "ACTIVE", expected: "COMPLETED" },
    { name: "ACCEPTED, ACTIVE checkout, partial no-show", bookingStatus: "ACCEPTED", attendees: GROUP_PARTIAL, checkoutState: "ACTIVE", expected: "COMPLETED" },
    { name: "ACCEPTED, ACTIVE checkout, no attendees", bookingStatus: "ACCEPTED", attendees: NONE, checkoutState: "ACTIVE", expected: "COMPLETED" },
    // Confirmed = ACCEPTED otherwise
    { name: "ACCEPTED, no checkout", bookingStatus: "ACCEPTED", attendees: ONE_PRESENT, checkoutState: null, expected: "CONFIRMED" },
    { name: "ACCEPTED, UNDONE checkout", bookingStatus: "ACCEPTED", attendees: ONE_PRESENT, checkoutState: "UNDONE", expected: "CONFIRMED" },
    { name: "ACCEPTED, partial no-show in a group", bookingStatus: "ACCEPTED", attendees: GROUP_PARTIAL, checkoutState: null, expected: "CONFIRMED" },
    { name: "ACCEPTED, no-show unknown (null) for one attendee", bookingStatus: "ACCEPTED", attendees: ONE_UNKNOWN, checkoutState: null, expected: "CONFIRMED" },
    { name: "ACCEPTED, one no-show and one null", bookingStatus: "ACCEPTED", attendees: GROUP_PARTIAL_NULL, checkoutState: null, expected: "CONFIRMED" },
    { name: "ACCEPTED, no attendees at all (not No Show)", bookingStatus: "ACCEPTED", attendees: NONE, checkoutState: null, expected: "CONFIRMED" },
  ])("$name → $expected", ({ bookingStatus, attendees, checkoutState, expected }) => {
    expect(deriveSessionStatus({ bookingStatus, attendees, checkoutState })).toBe(expected);
  });

  // The booking's own status decides first: attendees and checkouts never change Pending or Cancelled.
  const otherInputs: Array<[string, StatusInputs["attendees"], CheckoutState | null]> = [
    ["no attendees, no checkout", NONE, null],
    ["all no-show, no checkout", GROUP_ALL_NO_SHOW, null],
    ["all no-show, ACTIVE checkout", ONE_NO_SHOW, "ACTIVE"],
    ["present, ACTIVE checkout", ONE_PRESENT, "ACTIVE"],
    ["partial no-show, UNDONE checkout", GROUP_PARTIAL, "UNDONE"],
  ];
  describe.each<[BookingStatus, SessionStatus]>([
    ["PENDING", "PENDING"],
    ["AWAITING_HOST", "PENDING"],
    ["CANCELLED", "CANCELLED"],
    ["REJECTED", "CANCELLED"],
  ])("booking status %s", (bookingStatus, expected) => {
    it.each(otherInputs)(`with %s is ${expected}`, (_name, attendees, checkoutState) => {
      expect(deriveSessionStatus({ bookingStatus, attendees, checkoutState })).toBe(expected);
    });
  });
});

describe("clientSessionStatus", () => {
  it("a client marked absent is a No Show in a session that happened or is to be checked out; any other status stays", () => {
    expect(SESSION_STATUSES.map((status) => [status, clientSessionStatus(status, true)])).toEqual([
      ["PENDING", "PENDING"],
      ["CANCELLED", "CANCELLED"],
      ["NO_SHOW", "NO_SHOW"],
      ["COMPLETED", "NO_SHOW"],
      ["CONFIRMED", "NO_SHOW"],
    ]);
    expect(SESSION_STATUSES.map((status) => clientSessionStatus(status, false))).toEqual([...SESSION_STATUSES]);
  });
});
