import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import type { SessionStatus } from "@calcom/app-store/session-checkout/lib/status";
import type { SessionAction } from "@calcom/app-store/session-checkout/lib/transitions";

import { callerFor, factories, sessionRows } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

type StartingPoint =
  | "PENDING"
  | "AWAITING_HOST"
  | "CANCELLED"
  | "REJECTED"
  | "NO_SHOW"
  | "COMPLETED"
  | "CONFIRMED"
  | "CONFIRMED_NOT_STARTED"
  | "CONFIRMED_AFTER_UNDO"
  | "CONFIRMED_PARTIAL_NO_SHOW";

/** The status each starting point shows before the action. */
const SHOWN_AS: Record<StartingPoint, SessionStatus> = {
  PENDING: "PENDING",
  AWAITING_HOST: "PENDING",
  CANCELLED: "CANCELLED",
  REJECTED: "CANCELLED",
  NO_SHOW: "NO_SHOW",
  COMPLETED: "COMPLETED",
  CONFIRMED: "CONFIRMED",
  CONFIRMED_NOT_STARTED: "CONFIRMED",
  CONFIRMED_AFTER_UNDO: "CONFIRMED",
  CONFIRMED_PARTIAL_NO_SHOW: "CONFIRMED",
};

const LABEL: Record<SessionStatus, string> = { PENDING: "Pending", CANCELLED: "Cancelled", NO_SHOW: "No Show", COMPLETED: "Completed", CONFIRMED: "Confirmed" };

async function sessionAt(point: StartingPoint) {
  const host = await make.user();
  const groupAttendees = [{ email: "a@client.example" }, { email: "b@client.example" }, { email: "c@client.example" }];
  const bookingStatus =
    point === "PENDING" || point === "AWAITING_HOST" || point === "CANCELLED" || point === "REJECTED" ? point : "ACCEPTED";
  const booking = await make.booking({
    hostId: host.id,
    status: bookingStatus,
    startedMinutesAgo: point === "CONFIRMED_NOT_STARTED" ? -120 : 90,
    attendees:
      point === "NO_SHOW"
        ? groupAttendees.map((a) => ({ ...a, noShow: true }))
        : point === "CONFIRMED_PARTIAL_NO_SHOW"
          ? groupAttendees.map((a, i) => ({ ...a, noShow: i === 0 }))
          : groupAttendees,
  });
  const actor = { kind: "user" as const, userId: host.id };
  if (point === "COMPLETED" || point === "CONFIRMED_AFTER_UNDO") {
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor });
  }
  if (point === "CONFIRMED_AFTER_UNDO") await performSessionAction(prisma, { bookingId: booking.id, action: "undoCheckout", actor });
  return { host, booking };
}

type Expected = SessionStatus | "PRECONDITION_FAILED";
const PF = "PRECONDITION_FAILED" as const;

// Every action from every starting point: the resulting status, or the refusal.
const MATRIX: Record<StartingPoint, Record<SessionAction, Expected>> = {
  PENDING: { checkout: PF, undoCheckout: PF, markNoShow: PF, clearNoShow: PF },
  AWAITING_HOST: { checkout: PF, undoCheckout: PF, markNoShow: PF, clearNoShow: PF },
  CANCELLED: { checkout: PF, undoCheckout: PF, markNoShow: PF, clearNoShow: PF },
  REJECTED: { checkout: PF, undoCheckout: PF, markNoShow: PF, clearNoShow: PF },
  NO_SHOW: { checkout: PF, undoCheckout: PF, markNoShow: PF, clearNoShow: "CONFIRMED" },
  COMPLETED: { checkout: PF, undoCheckout: "CONFIRMED", markNoShow: PF, clearNoShow: PF },
  CONFIRMED: { checkout: "COMPLETED", undoCheckout: PF, markNoShow: "NO_SHOW", clearNoShow: PF },
  CONFIRMED_NOT_STARTED: { checkout: PF, undoCheckout: PF, markNoShow: PF, clearNoShow: PF },
  CONFIRMED_AFTER_UNDO: { checkout: "COMPLETED", undoCheckout: PF, markNoShow: "NO_SHOW", clearNoShow: PF },
  CONFIRMED_PARTIAL_NO_SHOW: { checkout: "COMPLETED", undoCheckout: PF, markNoShow: "NO_SHOW", clearNoShow: "CONFIRMED" },
};

const AUDIT_ACTION: Record<SessionAction, string> = {
  checkout: "CHECKED_OUT",
  undoCheckout: "CHECKOUT_UNDONE",
  markNoShow: "NO_SHOW_MARKED",
  clearNoShow: "NO_SHOW_CLEARED",
};

const cases = (Object.keys(MATRIX) as StartingPoint[]).flatMap((point) =>
  (Object.keys(MATRIX[point]) as SessionAction[]).map((action) => ({ point, action, expected: MATRIX[point][action] })),
);

describe("the transition matrix, through tRPC on PostgreSQL", () => {
  it.each(cases)("$action from $point → $expected", async ({ point, action, expected }) => {
    const { host, booking } = await sessionAt(point);
    const caller = callerFor(prisma, host);
    expect((await caller.getSession({ bookingId: booking.id })).status).toBe(SHOWN_AS[point]);
    const before = await sessionRows(prisma, booking.id);

    const outcome = await caller[action]({ bookingId: booking.id }).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );

    if (expected === PF) {
      expect(outcome.ok).toBe(false);
      const error = (outcome as { error: unknown }).error;
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("PRECONDITION_FAILED");
      // Every refusal names the status the session is in.
      expect((error as TRPCError).message).toContain(`This session is ${LABEL[SHOWN_AS[point]]}`);
      // A refusal changes nothing and leaves no audit entry.
      expect(await sessionRows(prisma, booking.id)).toEqual(before);
      return;
    }

    expect(outcome.ok).toBe(true);
    const after = await caller.getSession({ bookingId: booking.id });
    expect(after.status).toBe(expected);
    const audit = (await sessionRows(prisma, booking.id)).audit;
    expect(audit).toHaveLength(before.audit.length + 1);
    expect(audit.at(-1)).toMatchObject({ action: AUDIT_ACTION[action], actorType: "USER", actorUserId: host.id });
  });

  it("names the current status in the checkout refusal, in the product's words", async () => {
    const { host, booking } = await sessionAt("NO_SHOW");
    await expect(callerFor(prisma, host).checkout({ bookingId: booking.id })).rejects.toThrow(
      "Only confirmed sessions can be checked out. This session is No Show.",
    );
  });

  it("refuses a checkout before the session has started, saying so", async () => {
    const { host, booking } = await sessionAt("CONFIRMED_NOT_STARTED");
    await expect(callerFor(prisma, host).checkout({ bookingId: booking.id })).rejects.toThrow(/has not started yet/);
  });
});
