import type { SessionCheckoutErrorCode } from "./errors";
import { deriveSessionStatus, SESSION_STATUS_LABELS, type CheckoutState, type SessionStatus } from "./status";
import type { BookingStatus } from "@calcom/prisma/enums";

/*
 * "May this happen now, and what follows?" as pure functions. Every surface (tRPC, bulk,
 * auto-checkout) asks `planTransition`; services only apply the plan it returns.
 */

export const SESSION_ACTIONS = ["checkout", "undoCheckout", "markNoShow", "clearNoShow"] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

export interface SessionAttendee {
  email: string;
  name: string;
  noShow: boolean;
}

export interface SessionSnapshot {
  bookingStatus: BookingStatus;
  startTime: Date;
  attendees: ReadonlyArray<SessionAttendee>;
  checkoutState: CheckoutState | null;
}

export interface TransitionRequest {
  action: SessionAction;
  now: Date;
  /** No-show actions: the attendees to change; all of them when absent. */
  attendeeEmails?: ReadonlyArray<string>;
  /** Checkout: whether the host sends satisfaction surveys. */
  surveysEnabled?: boolean;
}

export interface TransitionPlan {
  allowed: true;
  from: SessionStatus;
  to: SessionStatus;
  checkoutState: CheckoutState | null;
  /** Attendees (lower-cased emails) whose no-show flag the action sets to the given value. */
  noShowChanges: ReadonlyArray<{ email: string; noShow: boolean }>;
  /** Checkout: attendees to queue a survey for (the outbox skips anyone already surveyed). */
  surveyRecipients: ReadonlyArray<SessionAttendee>;
}

export interface TransitionRefusal {
  allowed: false;
  code: SessionCheckoutErrorCode;
  message: string;
  status: SessionStatus;
}

export type TransitionDecision = TransitionPlan | TransitionRefusal;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function sessionStatusOf(snapshot: SessionSnapshot): SessionStatus {
  return deriveSessionStatus({
    bookingStatus: snapshot.bookingStatus,
    attendees: snapshot.attendees,
    checkoutState: snapshot.checkoutState,
  });
}

function refuse(status: SessionStatus, message: string, code: SessionCheckoutErrorCode = "PRECONDITION_FAILED"): TransitionRefusal {
  return { allowed: false, code, message, status };
}

function hasStarted(snapshot: SessionSnapshot, now: Date): boolean {
  return snapshot.startTime.getTime() <= now.getTime();
}

/** Resolves the attendees a no-show action targets, or refuses emails that are not on the session. */
function targetAttendees(
  snapshot: SessionSnapshot,
  attendeeEmails: ReadonlyArray<string> | undefined,
  status: SessionStatus,
): SessionAttendee[] | TransitionRefusal {
  if (attendeeEmails === undefined) return [...snapshot.attendees];
  const wanted = new Set(attendeeEmails.map(normalizeEmail));
  const chosen = snapshot.attendees.filter((attendee) => wanted.has(normalizeEmail(attendee.email)));
  const known = new Set(chosen.map((attendee) => normalizeEmail(attendee.email)));
  const unknown = Array.from(wanted).filter((email) => !known.has(email));
  if (unknown.length > 0) return refuse(status, `Not an attendee of this session: ${unknown.join(", ")}.`, "BAD_REQUEST");
  return chosen;
}

function planWith(
  snapshot: SessionSnapshot,
  from: SessionStatus,
  changes: Pick<TransitionPlan, "checkoutState" | "noShowChanges" | "surveyRecipients">,
): TransitionPlan {
  const flags = new Map(changes.noShowChanges.map((change) => [change.email, change.noShow]));
  const attendees = snapshot.attendees.map((attendee) => ({
    ...attendee,
    noShow: flags.get(normalizeEmail(attendee.email)) ?? attendee.noShow,
  }));
  const to = sessionStatusOf({ ...snapshot, attendees, checkoutState: changes.checkoutState });
  return { allowed: true, from, to, ...changes };
}

export function planTransition(snapshot: SessionSnapshot, request: TransitionRequest): TransitionDecision {
  const status = sessionStatusOf(snapshot);
  const label = SESSION_STATUS_LABELS[status];

  switch (request.action) {
    case "checkout": {
      if (status !== "CONFIRMED") return refuse(status, `Only confirmed sessions can be checked out. This session is ${label}.`);
      if (!hasStarted(snapshot, request.now))
        return refuse(status, `This session is ${label} but has not started yet. It can be checked out once it has started.`);
      const surveyRecipients = request.surveysEnabled ? snapshot.attendees.filter((attendee) => !attendee.noShow) : [];
      return planWith(snapshot, status, { checkoutState: "ACTIVE", noShowChanges: [], surveyRecipients });
    }

    case "undoCheckout": {
      if (status !== "COMPLETED")
        return refuse(status, `Only completed sessions can have their checkout undone. This session is ${label}.`);
      return planWith(snapshot, status, { checkoutState: "UNDONE", noShowChanges: [], surveyRecipients: [] });
    }

    case "markNoShow": {
      if (status === "COMPLETED")
        return refuse(status, "This session is Completed. Undo the checkout before marking it No Show.");
      if (status !== "CONFIRMED") return refuse(status, `Only confirmed sessions can be marked No Show. This session is ${label}.`);
      if (!hasStarted(snapshot, request.now))
        return refuse(status, `This session is ${label} but has not started yet. Attendees can be marked No Show once it has started.`);
      const targets = targetAttendees(snapshot, request.attendeeEmails, status);
      if (!Array.isArray(targets)) return targets;
      if (targets.length === 0) return refuse(status, `This session is ${label} and has no attendees to mark No Show.`);
      const toMark = targets.filter((attendee) => !attendee.noShow);
      if (toMark.length === 0) return refuse(status, `This session is ${label} and these attendees are already marked No Show.`);
      return planWith(snapshot, status, {
        checkoutState: snapshot.checkoutState,
        noShowChanges: toMark.map((attendee) => ({ email: normalizeEmail(attendee.email), noShow: true })),
        surveyRecipients: [],
      });
    }

    case "clearNoShow": {
      if (status === "COMPLETED")
        return refuse(status, "This session is Completed. Undo the checkout before changing its no-shows.");
      if (status !== "NO_SHOW" && status !== "CONFIRMED")
        return refuse(status, `Only No Show or Confirmed sessions can have a no-show cleared. This session is ${label}.`);
      const targets = targetAttendees(snapshot, request.attendeeEmails, status);
      if (!Array.isArray(targets)) return targets;
      const toClear = targets.filter((attendee) => attendee.noShow);
      if (toClear.length === 0) return refuse(status, `This session is ${label} and none of these attendees is marked No Show.`);
      return planWith(snapshot, status, {
        checkoutState: snapshot.checkoutState,
        noShowChanges: toClear.map((attendee) => ({ email: normalizeEmail(attendee.email), noShow: false })),
        surveyRecipients: [],
      });
    }
  }
}

/** What the booking dialog may offer now: each action with its plan or refusal. */
export function allowedActions(snapshot: SessionSnapshot, now: Date): Record<SessionAction, { allowed: boolean; reason?: string }> {
  const entries = SESSION_ACTIONS.map((action) => {
    const decision = planTransition(snapshot, { action, now });
    return [action, decision.allowed ? { allowed: true } : { allowed: false, reason: decision.message }] as const;
  });
  return Object.fromEntries(entries) as Record<SessionAction, { allowed: boolean; reason?: string }>;
}
