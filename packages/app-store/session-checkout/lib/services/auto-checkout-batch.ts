import type { PrismaClient, PrismaTransaction } from "@calcom/prisma";

import { sessionChangedEvents } from "../../jobs/domain-events";
import { publishAppEvents } from "../../jobs/publish";
import { AUTO_CHECKOUT_ACTOR } from "../actor";
import { planAutoCheckout } from "../auto-checkout";
import { logSummary, SessionCheckoutError } from "../errors";
import { DEFAULT_SETTINGS } from "../settings";
import type { TransitionPlan } from "../transitions";
import { writeCheckouts } from "./checkout-writes";
import { lockSessionsForChange, type LockedSession } from "./locked-session";
import { isLockNotAvailable } from "./session-busy";
import { performSessionAction } from "./session-actions";
import { readHostsForAutoCheckout } from "./settings-store";
import { CONNECTION_WAIT } from "./transaction-options";

export interface AutoCheckoutOutcome {
  checkedOut: number[];
  /** Sessions the rules refused under the lock (a race with the host, a changed setting). */
  skipped: Array<{ bookingId: number; reason: string }>;
  /** Sessions that failed for another reason (a database error): left as they were, retried next pass. */
  failed: Array<{ bookingId: number; error: string }>;
}

/**
 * Auto-checks out many sessions in one transaction, with the same rules and effects as one
 * checkout (services/session-actions.ts): locks, the due rule and the transition rules per session
 * under those locks, then the checkouts, survey rows and History entries written together.
 *
 * If the batch fails for a reason that is not a rule (a database error), each session is retried
 * in a transaction of its own, so one bad session never holds back the others.
 */
export async function autoCheckoutSessions(db: PrismaClient, bookingIds: ReadonlyArray<number>, clock: () => Date = () => new Date()): Promise<AutoCheckoutOutcome> {
  const outcome: AutoCheckoutOutcome = { checkedOut: [], skipped: [], failed: [] };
  if (bookingIds.length === 0) return outcome;
  try {
    const written = await db.$transaction((tx) => checkOutLocked(tx, bookingIds, clock()), { ...CONNECTION_WAIT, timeout: 60_000 });
    await publishAppEvents(sessionChangedEvents("checkout", written.changes));
    return { ...outcome, checkedOut: written.changes.map((c) => c.bookingId), skipped: written.skipped };
  } catch (error) {
    // One session that failed for good: the same transaction again would fail the same way. A busy
    // row is another matter: the session's own path tries again for a moment.
    if (bookingIds.length === 1 && !isLockNotAvailable(error)) return { ...outcome, failed: [{ bookingId: bookingIds[0]!, error: logSummary(error) }] };
  }
  for (const bookingId of bookingIds) {
    try {
      await performSessionAction(db, { bookingId, action: "checkout", actor: AUTO_CHECKOUT_ACTOR, method: "AUTO", now: clock() });
      outcome.checkedOut.push(bookingId);
    } catch (error) {
      if (error instanceof SessionCheckoutError) outcome.skipped.push({ bookingId, reason: error.message });
      else outcome.failed.push({ bookingId, error: logSummary(error) });
    }
  }
  return outcome;
}

async function checkOutLocked(tx: PrismaTransaction, bookingIds: ReadonlyArray<number>, now: Date) {
  // A row someone holds (Cal.com's own write, a host's action) fails the batch at once rather than
  // stalling it with a connection held (NOWAIT); the sessions are then tried one by one, each with
  // the short retry an action has, and one still held waits for the next pass.
  const sessions = await lockSessionsForChange(tx, bookingIds, AUTO_CHECKOUT_ACTOR);
  const hostIds = Array.from(new Set(sessions.map((s) => s.hostUserId).filter((id): id is number => id !== null)));
  const hosts = await readHostsForAutoCheckout(tx, hostIds);

  const planned: Array<{ session: LockedSession; plan: TransitionPlan }> = [];
  const skipped: AutoCheckoutOutcome["skipped"] = [];
  for (const session of sessions) {
    const host = session.hostUserId;
    const plan = planAutoCheckout({
      snapshot: session.snapshot,
      endTime: session.endTime,
      settings: (host !== null && hosts.get(host)?.settings) || DEFAULT_SETTINGS,
      installed: host !== null && hosts.get(host)?.installed === true,
      now,
    });
    if (plan.allowed) planned.push({ session, plan });
    else skipped.push({ bookingId: session.bookingId, reason: plan.reason });
  }
  const missing = bookingIds.filter((id) => !sessions.some((s) => s.bookingId === id));
  for (const bookingId of missing) skipped.push({ bookingId, reason: "The booking no longer exists." });
  if (planned.length === 0) return { changes: [], skipped };

  const surveys = await writeCheckouts(tx, planned, { actor: AUTO_CHECKOUT_ACTOR, method: "AUTO", now });
  return {
    changes: planned.map(({ session }) => ({ bookingId: session.bookingId, hostUserId: session.hostUserId, at: now, method: "AUTO", surveysQueued: surveys.get(session.bookingId) ?? 0 })),
    skipped,
  };
}
