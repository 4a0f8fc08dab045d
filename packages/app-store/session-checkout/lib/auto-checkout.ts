import type { SessionCheckoutSettings } from "./settings";
import { SESSION_STATUS_LABELS, type SessionStatus } from "./status";
import { planTransition, sessionStatusOf, type SessionSnapshot, type TransitionPlan } from "./transitions";

const MINUTE_MS = 60_000;

export type AutoCheckoutDecision = { due: true; dueAt: Date } | { due: false; reason: string; dueAt: Date | null };

/** When a session becomes due: its end (start + duration) plus the host's delay, as an instant. */
export function autoCheckoutDueAt(endTime: Date, delayMinutes: number): Date {
  return new Date(endTime.getTime() + delayMinutes * MINUTE_MS);
}

/**
 * The one place that decides whether auto-checkout may check a session out now. Evaluated with
 * the settings in force at that moment, so a longer delay postpones and switching off stops.
 * The scheduler's SQL (services/due-sessions.ts) selects exactly the sessions this calls due; a
 * property-based test holds the two equal.
 */
export function decideAutoCheckout({
  snapshot,
  endTime,
  settings,
  installed,
  now,
}: {
  snapshot: SessionSnapshot;
  endTime: Date;
  settings: SessionCheckoutSettings;
  installed: boolean;
  now: Date;
}): AutoCheckoutDecision {
  if (!installed) return { due: false, reason: "The host has not installed Session Checkout.", dueAt: null };
  if (!settings.autoCheckoutEnabled || !settings.autoCheckoutEndedAfter) return { due: false, reason: "Auto-checkout is off.", dueAt: null };
  const dueAt = autoCheckoutDueAt(endTime, settings.autoCheckoutDelayMinutes);
  // The host decided: a checkout that was undone is never redone automatically.
  if (snapshot.checkoutState === "UNDONE") return { due: false, reason: "The checkout was undone by hand.", dueAt };
  const status = sessionStatusOf(snapshot);
  if (status !== "CONFIRMED") return { due: false, reason: `Only confirmed sessions are checked out. This session is ${SESSION_STATUS_LABELS[status]}.`, dueAt };
  // No back-fill: only sessions that fell due after auto-checkout was switched on (with the delay
  // in force then; the line is fixed, so shortening the delay later drops nothing).
  if (endTime.getTime() <= settings.autoCheckoutEndedAfter.getTime()) return { due: false, reason: "It fell due before auto-checkout was switched on.", dueAt };
  if (dueAt.getTime() > now.getTime()) return { due: false, reason: "Not due yet.", dueAt };
  return { due: true, dueAt };
}

export type AutoCheckoutPlan = TransitionPlan | { allowed: false; reason: string; status: SessionStatus };

/**
 * What auto-checkout does with one session, decided under its lock: the due rule first, then the
 * same transition rules as a manual checkout (which also plan the surveys).
 */
export function planAutoCheckout(input: Parameters<typeof decideAutoCheckout>[0]): AutoCheckoutPlan {
  const decision = decideAutoCheckout(input);
  if (!decision.due) return { allowed: false, reason: decision.reason, status: sessionStatusOf(input.snapshot) };
  const plan = planTransition(input.snapshot, { action: "checkout", now: input.now, surveysEnabled: input.settings.surveysEnabled });
  return plan.allowed ? plan : { allowed: false, reason: plan.message, status: plan.status };
}
