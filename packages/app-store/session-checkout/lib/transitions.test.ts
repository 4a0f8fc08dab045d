import { describe, expect, it } from "vitest";

import type { SessionCheckoutErrorCode } from "./errors";
import { SESSION_STATUS_LABELS, type SessionStatus } from "./status";
import {
  allowedActions,
  normalizeEmail,
  planTransition,
  SESSION_ACTIONS,
  sessionStatusOf,
  type SessionAction,
  type SessionAttendee,
  type SessionSnapshot,
  type TransitionDecision,
  type TransitionPlan,
  type TransitionRefusal,
} from "./transitions";

const NOW = new Date("2025-06-02T12:00:00.000Z");
const STARTED = new Date("2025-06-02T11:00:00.000Z");
const NOT_STARTED = new Date("2025-06-02T13:00:00.000Z");

const ada = (noShow = false): SessionAttendee => ({ email: "Ada@Example.com", name: "Ada", noShow });
const bob = (noShow = false): SessionAttendee => ({ email: "bob@example.com", name: "Bob", noShow });
const cy = (noShow = false): SessionAttendee => ({ email: "CY@example.com", name: "Cy", noShow });

function session(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return { bookingStatus: "ACCEPTED", startTime: STARTED, attendees: [ada()], checkoutState: null, ...overrides };
}

function expectPlan(decision: TransitionDecision): TransitionPlan {
  if (!decision.allowed) throw new Error(`expected a plan, got refusal ${decision.code}: ${decision.message}`);
  return decision;
}

function expectRefusal(decision: TransitionDecision): TransitionRefusal {
  if (decision.allowed) throw new Error(`expected a refusal, got a plan ${decision.from} → ${decision.to}`);
  return decision;
}

/* ---------------------------------------------------------------- the matrix */

const NOT_STARTED_CHECKOUT = "This session is Confirmed but has not started yet. It can be checked out once it has started.";
const NOT_STARTED_NO_SHOW = "This session is Confirmed but has not started yet. Attendees can be marked No Show once it has started.";
const NOTHING_TO_CLEAR = "This session is Confirmed and none of these attendees is marked No Show.";

const checkoutRefused = (label: string) => `Only confirmed sessions can be checked out. This session is ${label}.`;
const undoRefused = (label: string) => `Only completed sessions can have their checkout undone. This session is ${label}.`;
const markRefused = (label: string) => `Only confirmed sessions can be marked No Show. This session is ${label}.`;
const clearRefused = (label: string) => `Only No Show or Confirmed sessions can have a no-show cleared. This session is ${label}.`;
const MARK_ON_COMPLETED = "This session is Completed. Undo the checkout before marking it No Show.";
const CLEAR_ON_COMPLETED = "This session is Completed. Undo the checkout before changing its no-shows.";

/** Either the plan's resulting status, or the refusal's code and exact message. */
type Outcome = { to: SessionStatus } | { code: SessionCheckoutErrorCode; message: string };
const to = (status: SessionStatus): Outcome => ({ to: status });
/** A refusal: every one names the current status, whatever its reason. */
const refusedFor = (message: string): Outcome => ({ code: "PRECONDITION_FAILED", message });

interface MatrixRow {
  name: string;
  snapshot: SessionSnapshot;
  status: SessionStatus;
  outcomes: Record<SessionAction, Outcome>;
}

const MATRIX: MatrixRow[] = [
  {
    name: "Pending (PENDING)",
    snapshot: session({ bookingStatus: "PENDING" }),
    status: "PENDING",
    outcomes: {
      checkout: refusedFor(checkoutRefused("Pending")),
      undoCheckout: refusedFor(undoRefused("Pending")),
      markNoShow: refusedFor(markRefused("Pending")),
      clearNoShow: refusedFor(clearRefused("Pending")),
    },
  },
  {
    name: "Pending (AWAITING_HOST)",
    snapshot: session({ bookingStatus: "AWAITING_HOST" }),
    status: "PENDING",
    outcomes: {
      checkout: refusedFor(checkoutRefused("Pending")),
      undoCheckout: refusedFor(undoRefused("Pending")),
      markNoShow: refusedFor(markRefused("Pending")),
      clearNoShow: refusedFor(clearRefused("Pending")),
    },
  },
  {
    name: "Cancelled (CANCELLED)",
    snapshot: session({ bookingStatus: "CANCELLED" }),
    status: "CANCELLED",
    outcomes: {
      checkout: refusedFor(checkoutRefused("Cancelled")),
      undoCheckout: refusedFor(undoRefused("Cancelled")),
      markNoShow: refusedFor(markRefused("Cancelled")),
      clearNoShow: refusedFor(clearRefused("Cancelled")),
    },
  },
  {
    name: "Cancelled (REJECTED)",
    snapshot: session({ bookingStatus: "REJECTED" }),
    status: "CANCELLED",
    outcomes: {
      checkout: refusedFor(checkoutRefused("Cancelled")),
      undoCheckout: refusedFor(undoRefused("Cancelled")),
      markNoShow: refusedFor(markRefused("Cancelled")),
      clearNoShow: refusedFor(clearRefused("Cancelled")),
    },
  },
  {
    name: "No Show",
    snapshot: session({ attendees: [ada(true), bob(true)] }),
    status: "NO_SHOW",
    outcomes: {
      checkout: refusedFor(checkoutRefused("No Show")),
      undoCheckout: refusedFor(undoRefused("No Show")),
      markNoShow: refusedFor(markRefused("No Show")),
      clearNoShow: to("CONFIRMED"),
    },
  },
  {
    name: "Completed",
    snapshot: session({ checkoutState: "ACTIVE" }),
    status: "COMPLETED",
    outcomes: {
      checkout: refusedFor(checkoutRefused("Completed")),
      undoCheckout: to("CONFIRMED"),
      markNoShow: refusedFor(MARK_ON_COMPLETED),
      clearNoShow: refusedFor(CLEAR_ON_COMPLETED),
    },
  },
  {
    name: "Confirmed, started",
    snapshot: session(),
    status: "CONFIRMED",
    outcomes: {
      checkout: to("COMPLETED"),
      undoCheckout: refusedFor(undoRefused("Confirmed")),
      markNoShow: to("NO_SHOW"),
      clearNoShow: refusedFor(NOTHING_TO_CLEAR),
    },
  },
  {
    name: "Confirmed, not yet started",
    snapshot: session({ startTime: NOT_STARTED }),
    status: "CONFIRMED",
    outcomes: {
      checkout: refusedFor(NOT_STARTED_CHECKOUT),
      undoCheckout: refusedFor(undoRefused("Confirmed")),
      markNoShow: refusedFor(NOT_STARTED_NO_SHOW),
      clearNoShow: refusedFor(NOTHING_TO_CLEAR),
    },
  },
  {
    name: "Confirmed, checkout UNDONE",
    snapshot: session({ checkoutState: "UNDONE" }),
    status: "CONFIRMED",
    outcomes: {
      checkout: to("COMPLETED"),
      undoCheckout: refusedFor(undoRefused("Confirmed")),
      markNoShow: to("NO_SHOW"),
      clearNoShow: refusedFor(NOTHING_TO_CLEAR),
    },
  },
  {
    name: "Confirmed, partial no-show in a group",
    snapshot: session({ attendees: [ada(), bob(true), cy()] }),
    status: "CONFIRMED",
    outcomes: {
      checkout: to("COMPLETED"),
      undoCheckout: refusedFor(undoRefused("Confirmed")),
      markNoShow: to("NO_SHOW"),
      clearNoShow: to("CONFIRMED"),
    },
  },
];

const MATRIX_CASES = MATRIX.flatMap((row) =>
  SESSION_ACTIONS.map((action) => ({ row: row.name, action, snapshot: row.snapshot, status: row.status, outcome: row.outcomes[action] })),
);

describe("planTransition: the full matrix", () => {
  it("covers exactly the four actions", () => {
    expect(SESSION_ACTIONS).toEqual(["checkout", "undoCheckout", "markNoShow", "clearNoShow"]);
  });

  it.each(MATRIX)("fixture '$name' is $status", ({ snapshot, status }) => {
    expect(sessionStatusOf(snapshot)).toBe(status);
  });

  it.each(MATRIX_CASES)("$row: $action", ({ action, snapshot, status, outcome }) => {
    const decision = planTransition(snapshot, { action, now: NOW });
    if ("to" in outcome) {
      const plan = expectPlan(decision);
      expect(plan.from).toBe(status);
      expect(plan.to).toBe(outcome.to);
    } else {
      const refusal = expectRefusal(decision);
      expect(refusal.code).toBe(outcome.code);
      expect(refusal.status).toBe(status);
      expect(refusal.message).toBe(outcome.message);
      expect(refusal.message).toContain(`This session is ${SESSION_STATUS_LABELS[status]}`);
    }
  });
});

/* ---------------------------------------------------------------- checkout */

describe("planTransition: checkout", () => {
  it("gives the exact refusal message from the spec for a No Show session", () => {
    const refusal = expectRefusal(planTransition(session({ attendees: [ada(true)] }), { action: "checkout", now: NOW }));
    expect(refusal.message).toBe("Only confirmed sessions can be checked out. This session is No Show.");
  });

  it.each([
    { name: "starts exactly now", startTime: NOW, allowed: true },
    { name: "started 1 ms ago", startTime: new Date(NOW.getTime() - 1), allowed: true },
    { name: "starts in 1 ms", startTime: new Date(NOW.getTime() + 1), allowed: false },
  ])("a Confirmed session that $name: allowed=$allowed", ({ startTime, allowed }) => {
    const decision = planTransition(session({ startTime }), { action: "checkout", now: NOW });
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision).toMatchObject({ code: "PRECONDITION_FAILED", status: "CONFIRMED", message: NOT_STARTED_CHECKOUT });
  });

  it("sets an ACTIVE checkout and changes no attendee", () => {
    const plan = expectPlan(planTransition(session({ checkoutState: "UNDONE" }), { action: "checkout", now: NOW }));
    expect(plan).toMatchObject({ from: "CONFIRMED", to: "COMPLETED", checkoutState: "ACTIVE", noShowChanges: [] });
  });

  const group = session({ attendees: [ada(), bob(true), cy()] });
  it.each([
    { name: "surveys enabled, group with one no-show", snapshot: group, surveysEnabled: true, recipients: ["Ada@Example.com", "CY@example.com"] },
    { name: "surveys enabled, single attendee", snapshot: session(), surveysEnabled: true, recipients: ["Ada@Example.com"] },
    { name: "surveys disabled", snapshot: group, surveysEnabled: false, recipients: [] },
    { name: "surveys not given", snapshot: group, surveysEnabled: undefined, recipients: [] },
  ])("survey recipients: $name", ({ snapshot, surveysEnabled, recipients }) => {
    const plan = expectPlan(planTransition(snapshot, { action: "checkout", now: NOW, surveysEnabled }));
    expect(plan.surveyRecipients.map((attendee) => attendee.email)).toEqual(recipients);
  });

  it("hands over the whole attendee to the survey outbox", () => {
    const plan = expectPlan(planTransition(session(), { action: "checkout", now: NOW, surveysEnabled: true }));
    expect(plan.surveyRecipients).toEqual([ada()]);
  });
});

/* ---------------------------------------------------------------- undo checkout */

describe("planTransition: undoCheckout", () => {
  it.each([
    { name: "single attendee", attendees: [ada()] },
    { name: "group with a partial no-show", attendees: [ada(), bob(true)] },
  ])("Completed ($name) → Confirmed with an UNDONE checkout", ({ attendees }) => {
    const plan = expectPlan(planTransition(session({ attendees, checkoutState: "ACTIVE" }), { action: "undoCheckout", now: NOW }));
    expect(plan).toEqual({
      allowed: true,
      from: "COMPLETED",
      to: "CONFIRMED",
      checkoutState: "UNDONE",
      noShowChanges: [],
      surveyRecipients: [],
    });
  });

  it("sends no surveys even when surveys are enabled", () => {
    const plan = expectPlan(planTransition(session({ checkoutState: "ACTIVE" }), { action: "undoCheckout", now: NOW, surveysEnabled: true }));
    expect(plan.surveyRecipients).toEqual([]);
  });
});

/* ---------------------------------------------------------------- mark no-show */

describe("planTransition: markNoShow", () => {
  const group = session({ attendees: [ada(), bob(), cy()] });
  const partial = session({ attendees: [ada(), bob(true), cy()] });

  it.each<{ name: string; snapshot: SessionSnapshot; emails: string[] | undefined; changes: string[]; to: SessionStatus }>([
    { name: "all attendees of a single session", snapshot: session(), emails: undefined, changes: ["ada@example.com"], to: "NO_SHOW" },
    { name: "all attendees of a group", snapshot: group, emails: undefined, changes: ["ada@example.com", "bob@example.com", "cy@example.com"], to: "NO_SHOW" },
    { name: "one chosen attendee of a group", snapshot: group, emails: ["bob@example.com"], changes: ["bob@example.com"], to: "CONFIRMED" },
    { name: "chosen attendee, email in another case", snapshot: group, emails: ["ADA@EXAMPLE.COM"], changes: ["ada@example.com"], to: "CONFIRMED" },
    { name: "chosen attendee, stored upper-case, asked lower-case", snapshot: group, emails: ["cy@example.com"], changes: ["cy@example.com"], to: "CONFIRMED" },
    { name: "chosen attendee, surrounding whitespace", snapshot: group, emails: ["  Bob@Example.com "], changes: ["bob@example.com"], to: "CONFIRMED" },
    { name: "every attendee chosen by email", snapshot: group, emails: ["ada@example.com", "BOB@example.com", "cy@EXAMPLE.com"], changes: ["ada@example.com", "bob@example.com", "cy@example.com"], to: "NO_SHOW" },
    { name: "the rest of a partial no-show (all)", snapshot: partial, emails: undefined, changes: ["ada@example.com", "cy@example.com"], to: "NO_SHOW" },
    { name: "one more of a partial no-show", snapshot: partial, emails: ["cy@example.com"], changes: ["cy@example.com"], to: "CONFIRMED" },
    { name: "a mix of marked and unmarked: only the unmarked change", snapshot: partial, emails: ["bob@example.com", "ada@example.com"], changes: ["ada@example.com"], to: "CONFIRMED" },
  ])("$name → $to", ({ snapshot, emails, changes, to }) => {
    const plan = expectPlan(planTransition(snapshot, { action: "markNoShow", now: NOW, attendeeEmails: emails }));
    expect(plan.from).toBe("CONFIRMED");
    expect(plan.to).toBe(to);
    expect(plan.noShowChanges).toEqual(changes.map((email) => ({ email, noShow: true })));
    expect(plan.surveyRecipients).toEqual([]);
  });

  it.each([
    { name: "no checkout", checkoutState: null },
    { name: "an UNDONE checkout", checkoutState: "UNDONE" as const },
  ])("keeps the checkout state ($name)", ({ checkoutState }) => {
    const plan = expectPlan(planTransition(session({ checkoutState }), { action: "markNoShow", now: NOW }));
    expect(plan.checkoutState).toBe(checkoutState);
    expect(plan.to).toBe("NO_SHOW");
  });

  it.each([
    { name: "an unknown email", emails: ["zed@example.com"], unknown: "zed@example.com" },
    { name: "an unknown email (reported lower-cased)", emails: ["Zed@Example.COM"], unknown: "zed@example.com" },
    { name: "a known and an unknown email", emails: ["ada@example.com", "zed@example.com"], unknown: "zed@example.com" },
  ])("refuses $name as BAD_REQUEST", ({ emails, unknown }) => {
    const refusal = expectRefusal(planTransition(group, { action: "markNoShow", now: NOW, attendeeEmails: emails }));
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.status).toBe("CONFIRMED");
    expect(refusal.message).toBe(`Not an attendee of this session: ${unknown}.`);
  });

  it.each([
    { name: "the one already marked", emails: ["bob@example.com"] },
    { name: "the one already marked, other case", emails: ["BOB@EXAMPLE.COM"] },
  ])("refuses marking only attendees already marked: $name", ({ emails }) => {
    const refusal = expectRefusal(planTransition(partial, { action: "markNoShow", now: NOW, attendeeEmails: emails }));
    expect(refusal).toEqual({
      allowed: false,
      code: "PRECONDITION_FAILED",
      status: "CONFIRMED",
      message: "This session is Confirmed and these attendees are already marked No Show.",
    });
  });

  it.each([
    { name: "starts exactly now", startTime: NOW, allowed: true },
    { name: "starts in 1 ms", startTime: new Date(NOW.getTime() + 1), allowed: false },
  ])("a Confirmed session that $name: allowed=$allowed", ({ startTime, allowed }) => {
    const decision = planTransition(session({ startTime }), { action: "markNoShow", now: NOW });
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision).toMatchObject({ code: "PRECONDITION_FAILED", message: NOT_STARTED_NO_SHOW });
  });

  it("refuses a Completed session, asking for the checkout to be undone first", () => {
    const refusal = expectRefusal(
      planTransition(session({ checkoutState: "ACTIVE" }), { action: "markNoShow", now: NOW, attendeeEmails: ["ada@example.com"] }),
    );
    expect(refusal).toEqual({ allowed: false, code: "PRECONDITION_FAILED", status: "COMPLETED", message: MARK_ON_COMPLETED });
  });
});

/* ---------------------------------------------------------------- clear no-show */

describe("planTransition: clearNoShow", () => {
  const noShowGroup = session({ attendees: [ada(true), bob(true), cy(true)] });
  const partial = session({ attendees: [ada(), bob(true), cy(true)] });

  it.each<{ name: string; snapshot: SessionSnapshot; emails: string[] | undefined; changes: string[]; from: SessionStatus; to: SessionStatus }>([
    { name: "No Show single, all", snapshot: session({ attendees: [ada(true)] }), emails: undefined, changes: ["ada@example.com"], from: "NO_SHOW", to: "CONFIRMED" },
    { name: "No Show group, all", snapshot: noShowGroup, emails: undefined, changes: ["ada@example.com", "bob@example.com", "cy@example.com"], from: "NO_SHOW", to: "CONFIRMED" },
    { name: "No Show group, one chosen", snapshot: noShowGroup, emails: ["bob@example.com"], changes: ["bob@example.com"], from: "NO_SHOW", to: "CONFIRMED" },
    { name: "No Show group, chosen in another case", snapshot: noShowGroup, emails: ["cy@example.COM"], changes: ["cy@example.com"], from: "NO_SHOW", to: "CONFIRMED" },
    { name: "partial no-show, all", snapshot: partial, emails: undefined, changes: ["bob@example.com", "cy@example.com"], from: "CONFIRMED", to: "CONFIRMED" },
    { name: "partial no-show, one chosen", snapshot: partial, emails: ["BOB@example.com"], changes: ["bob@example.com"], from: "CONFIRMED", to: "CONFIRMED" },
    { name: "partial no-show, marked and unmarked chosen: only the marked change", snapshot: partial, emails: ["ada@example.com", "cy@example.com"], changes: ["cy@example.com"], from: "CONFIRMED", to: "CONFIRMED" },
    { name: "No Show with an UNDONE checkout", snapshot: session({ attendees: [ada(true)], checkoutState: "UNDONE" }), emails: undefined, changes: ["ada@example.com"], from: "NO_SHOW", to: "CONFIRMED" },
  ])("$name: $from → $to", ({ snapshot, emails, changes, from, to }) => {
    const plan = expectPlan(planTransition(snapshot, { action: "clearNoShow", now: NOW, attendeeEmails: emails }));
    expect(plan.from).toBe(from);
    expect(plan.to).toBe(to);
    expect(plan.checkoutState).toBe(snapshot.checkoutState);
    expect(plan.noShowChanges).toEqual(changes.map((email) => ({ email, noShow: false })));
    expect(plan.surveyRecipients).toEqual([]);
  });

  it("refuses an unknown attendee email as BAD_REQUEST", () => {
    const refusal = expectRefusal(planTransition(noShowGroup, { action: "clearNoShow", now: NOW, attendeeEmails: ["Zed@example.com"] }));
    expect(refusal).toEqual({ allowed: false, code: "BAD_REQUEST", status: "NO_SHOW", message: "Not an attendee of this session: zed@example.com." });
  });

  it("refuses clearing only attendees who are not marked", () => {
    const refusal = expectRefusal(planTransition(partial, { action: "clearNoShow", now: NOW, attendeeEmails: ["ada@example.com"] }));
    expect(refusal).toEqual({ allowed: false, code: "PRECONDITION_FAILED", status: "CONFIRMED", message: NOTHING_TO_CLEAR });
  });

  it("refuses a Completed session with a partial no-show, asking for the checkout to be undone first", () => {
    const refusal = expectRefusal(
      planTransition(session({ attendees: [ada(), bob(true)], checkoutState: "ACTIVE" }), { action: "clearNoShow", now: NOW }),
    );
    expect(refusal).toEqual({ allowed: false, code: "PRECONDITION_FAILED", status: "COMPLETED", message: CLEAR_ON_COMPLETED });
  });
});

/* ---------------------------------------------------------------- allowedActions */

describe("allowedActions", () => {
  const yes = { allowed: true };
  const no = (reason: string) => ({ allowed: false, reason });

  it.each<{ name: string; snapshot: SessionSnapshot; expected: Record<SessionAction, { allowed: boolean; reason?: string }> }>([
    {
      name: "Pending",
      snapshot: session({ bookingStatus: "PENDING" }),
      expected: {
        checkout: no(checkoutRefused("Pending")),
        undoCheckout: no(undoRefused("Pending")),
        markNoShow: no(markRefused("Pending")),
        clearNoShow: no(clearRefused("Pending")),
      },
    },
    {
      name: "Cancelled (REJECTED)",
      snapshot: session({ bookingStatus: "REJECTED" }),
      expected: {
        checkout: no(checkoutRefused("Cancelled")),
        undoCheckout: no(undoRefused("Cancelled")),
        markNoShow: no(markRefused("Cancelled")),
        clearNoShow: no(clearRefused("Cancelled")),
      },
    },
    {
      name: "No Show",
      snapshot: session({ attendees: [ada(true), bob(true)] }),
      expected: {
        checkout: no(checkoutRefused("No Show")),
        undoCheckout: no(undoRefused("No Show")),
        markNoShow: no(markRefused("No Show")),
        clearNoShow: yes,
      },
    },
    {
      name: "Completed",
      snapshot: session({ checkoutState: "ACTIVE" }),
      expected: {
        checkout: no(checkoutRefused("Completed")),
        undoCheckout: yes,
        markNoShow: no(MARK_ON_COMPLETED),
        clearNoShow: no(CLEAR_ON_COMPLETED),
      },
    },
    {
      name: "Confirmed, started",
      snapshot: session(),
      expected: { checkout: yes, undoCheckout: no(undoRefused("Confirmed")), markNoShow: yes, clearNoShow: no(NOTHING_TO_CLEAR) },
    },
    {
      name: "Confirmed, not yet started",
      snapshot: session({ startTime: NOT_STARTED }),
      expected: {
        checkout: no(NOT_STARTED_CHECKOUT),
        undoCheckout: no(undoRefused("Confirmed")),
        markNoShow: no(NOT_STARTED_NO_SHOW),
        clearNoShow: no(NOTHING_TO_CLEAR),
      },
    },
    {
      name: "Confirmed, partial no-show in a group",
      snapshot: session({ attendees: [ada(), bob(true)] }),
      expected: { checkout: yes, undoCheckout: no(undoRefused("Confirmed")), markNoShow: yes, clearNoShow: yes },
    },
  ])("$name", ({ snapshot, expected }) => {
    expect(allowedActions(snapshot, NOW)).toEqual(expected);
  });

  it.each(MATRIX)("agrees with planTransition for '$name'", ({ snapshot }) => {
    const actions = allowedActions(snapshot, NOW);
    expect(Object.keys(actions).sort()).toEqual([...SESSION_ACTIONS].sort());
    for (const action of SESSION_ACTIONS) {
      const decision = planTransition(snapshot, { action, now: NOW });
      expect(actions[action]).toEqual(decision.allowed ? { allowed: true } : { allowed: false, reason: decision.message });
    }
  });

  it("uses the given time to decide whether the session has started", () => {
    const snapshot = session({ startTime: NOT_STARTED });
    expect(allowedActions(snapshot, NOW).checkout.allowed).toBe(false);
    expect(allowedActions(snapshot, NOT_STARTED).checkout.allowed).toBe(true);
  });
});

/* ---------------------------------------------------------------- helpers that are exported */

describe("normalizeEmail", () => {
  it.each([
    ["Ada@Example.com", "ada@example.com"],
    ["  BOB@EXAMPLE.COM\t", "bob@example.com"],
    ["cy@example.com", "cy@example.com"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe("a session without attendees", () => {
  it("refuses a no-show with a message that says there is nobody to mark", () => {
    const refusal = expectRefusal(planTransition(session({ attendees: [] }), { action: "markNoShow", now: NOW }));
    expect(refusal.message).toBe("This session is Confirmed and has no attendees to mark No Show.");
  });
});
