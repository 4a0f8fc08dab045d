import type { PrismaClient, PrismaTransaction } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";
import type { App_SessionCheckout_AuditAction } from "@calcom/prisma/enums";

import { sessionChangedEvents } from "../../jobs/domain-events";
import { publishAppEvents } from "../../jobs/publish";
import { actorUserId, type Actor, type CheckoutMethod } from "../actor";
import { assertMayActOnBooking, type CheckedOwnership } from "../booking-access";
import { auditInsertSql } from "../audit";
import { planAutoCheckout } from "../auto-checkout";
import { DEFAULT_SETTINGS } from "../settings";
import { SessionCheckoutError } from "../errors";
import { sqlTimestamp } from "../sql-arrays";
import type { SessionStatus } from "../status";
import { normalizeEmail, planTransition, type SessionAction, type TransitionDecision, type TransitionPlan } from "../transitions";
import { lockSessionForChange, type LockedSession } from "./locked-session";
import { readHostsForAutoCheckout, readSettings } from "./settings-store";
import { askedAbout, notifyNoShowUpdated } from "./no-show-webhook";
import { retryWhileBusy } from "./session-busy";
import { CONNECTION_WAIT } from "./transaction-options";
import { concurrentChange, writeCheckouts } from "./checkout-writes";
import { oneStatementAction, sessionActionResult } from "./one-statement-action";

export interface SessionActionInput {
  bookingId: number;
  action: SessionAction;
  actor: Actor;
  /** How a checkout happened; other actions are always manual. */
  method?: CheckoutMethod;
  attendeeEmails?: ReadonlyArray<string>;
  now?: Date;
  /** A user actor must have installed the app (the tRPC procedures): checked in the transaction's first statement. */
  requireInstalled?: boolean;
}

export interface SessionActionResult {
  bookingId: number;
  hostUserId: number | null;
  from: SessionStatus;
  status: SessionStatus;
  at: Date;
  surveysQueued: number;
  attendees: Array<{ email: string; name: string; noShow: boolean }>;
}

const AUDIT_ACTION: Record<SessionAction, App_SessionCheckout_AuditAction> = {
  checkout: "CHECKED_OUT",
  undoCheckout: "CHECKOUT_UNDONE",
  markNoShow: "NO_SHOW_MARKED",
  clearNoShow: "NO_SHOW_CLEARED",
};


/**
 * Check out, undo, mark or clear no-show: one transaction that locks the booking, asks the
 * rules, applies their plan with conditional writes, appends the audit entry and (on checkout)
 * queues the surveys — or, for a user's checkout and undo, the same in one writing statement after
 * an unlocked read (one-statement-action.ts). A refusal throws before anything is written; a
 * session someone else is changing is tried again for a moment, then refused (CONFLICT). The app's
 * event for the change is sent once the change has committed.
 */
export async function performSessionAction(db: PrismaClient, input: SessionActionInput): Promise<SessionActionResult> {
  // A user's checkout or undo is tried once in two statements; a session changed or busy meanwhile, and every other action, take the locking transaction.
  const oneStatement = oneStatementAction(db, input);
  // Who may act is asked once, before the locking transaction (a refused call locks nothing); the
  // lock then holds the booking to the organizer and event type that answer was about.
  let mayAct: Promise<CheckedOwnership> | undefined;
  const lockingWay = async () => {
    const checkedOwnership = input.actor.kind === "user" ? await (mayAct ??= assertMayActOnBooking(db, input.actor.userId, input.bookingId, { requireInstalled: input.requireInstalled === true })) : undefined;
    return db.$transaction((tx) => applySessionAction(tx, input, checkedOwnership), CONNECTION_WAIT);
  };
  const result = await retryWhileBusy(async () => (await oneStatement.attempt()) ?? lockingWay());
  await publishAppEvents(sessionChangedEvents(input.action, [{ ...result, method: input.method ?? "MANUAL" }]));
  // As Cal.com's own no-show does: its webhook, after commit.
  if (input.action === "markNoShow" || input.action === "clearNoShow") notifyNoShowUpdated(db, { bookingId: result.bookingId, attendees: askedAbout(result.attendees, input.attendeeEmails) });
  return result;
}

async function planFor(tx: PrismaTransaction, session: LockedSession, input: SessionActionInput, now: Date): Promise<TransitionDecision> {
  if (input.actor.kind === "auto-checkout") {
    if (input.action !== "checkout") throw new SessionCheckoutError("BAD_REQUEST", "Auto-checkout only checks sessions out.");
    const host = session.hostUserId === null ? undefined : (await readHostsForAutoCheckout(tx, [session.hostUserId])).get(session.hostUserId);
    const plan = planAutoCheckout({ snapshot: session.snapshot, endTime: session.endTime, settings: host?.settings ?? DEFAULT_SETTINGS, installed: host?.installed === true, now });
    return plan.allowed ? plan : { allowed: false, code: "PRECONDITION_FAILED", message: plan.reason, status: plan.status };
  }
  // Only a checkout depends on the host's settings (whether surveys go out), read with the session.
  const surveysEnabled = input.action === "checkout" ? (session.hostSurveysEnabled ?? (await readSettings(tx, session.hostUserId)).surveysEnabled) : false;
  return planTransition(session.snapshot, { action: input.action, now, attendeeEmails: input.attendeeEmails, surveysEnabled });
}

async function applySessionAction(tx: PrismaTransaction, input: SessionActionInput, checkedOwnership: CheckedOwnership | undefined): Promise<SessionActionResult> {
  const now = input.now ?? new Date();
  const method = input.action === "checkout" ? (input.method ?? "MANUAL") : "MANUAL";
  const session = await lockSessionForChange(tx, input.bookingId, input.actor, {
    requireInstalled: input.requireInstalled,
    checkedOwnership,
    withSurveySetting: input.action === "checkout" && input.actor.kind !== "auto-checkout",
  });
  const plan = await planFor(tx, session, input, now);
  if (!plan.allowed) throw new SessionCheckoutError(plan.code, plan.message);

  let surveysQueued = 0;
  if (input.action === "checkout") {
    surveysQueued = (await writeCheckouts(tx, [{ session, plan }], { actor: input.actor, method, now })).get(session.bookingId) ?? 0;
  } else {
    await writeNoShowChanges(tx, session, plan);
    await writeUndoAndHistory(tx, session, plan, input, now);
  }

  return sessionActionResult(session, plan, now, surveysQueued);
}

/**
 * Undo (the checkout becomes UNDONE, and surveys not sent yet are cancelled — what was sent stays
 * sent) and the History entry, in one statement: for markNoShow / clearNoShow only the entry. A
 * checkout row no longer ACTIVE throws, and the transaction undoes the rest.
 */
async function writeUndoAndHistory(tx: PrismaTransaction, session: LockedSession, plan: TransitionPlan, input: SessionActionInput, now: Date): Promise<void> {
  const undo = plan.checkoutState === "UNDONE" && session.snapshot.checkoutState !== "UNDONE";
  const entry = {
    bookingId: session.bookingId,
    action: AUDIT_ACTION[input.action],
    actor: input.actor,
    source: "MANUAL" as const,
    at: now,
    details: {
      from: plan.from,
      to: plan.to,
      ...(plan.noShowChanges.length > 0 ? { attendees: plan.noShowChanges.map((change) => change.email) } : {}),
    },
  };
  const cancelledCount = input.action === "undoCheckout" ? Prisma.sql`jsonb_build_object('surveysCancelled', (SELECT count(*) FROM "cancelled"))` : undefined;
  const [written] = await tx.$queryRaw<Array<{ undone: number }>>`
    WITH "undone" AS (
      UPDATE "App_SessionCheckout_Checkout" SET "state" = 'UNDONE', "undoneAt" = ${sqlTimestamp(now)}::timestamp, "undoneById" = ${actorUserId(input.actor)}::int
      WHERE ${undo}::boolean AND "bookingId" = ${session.bookingId} AND "state" = 'ACTIVE'
      RETURNING 1
    ), "cancelled" AS (
      UPDATE "App_SessionCheckout_Survey" SET "status" = 'CANCELLED', "cancelReason" = 'checkout-undone'
      WHERE ${undo}::boolean AND "bookingId" = ${session.bookingId} AND "status" = 'QUEUED'
      RETURNING 1
    ), "history" AS (${auditInsertSql([entry], cancelledCount)}
    )
    SELECT (SELECT count(*)::int FROM "undone") AS "undone"`;
  if (undo && written?.undone !== 1) throw concurrentChange();
}

async function writeNoShowChanges(tx: PrismaTransaction, session: LockedSession, plan: TransitionPlan): Promise<void> {
  for (const noShow of [true, false]) {
    const emails = new Set(plan.noShowChanges.filter((change) => change.noShow === noShow).map((change) => change.email));
    if (emails.size === 0) continue;
    // The rows of those attendees still in the opposite state (two rows may share an email).
    const ids = session.attendeeRows.filter((row) => emails.has(normalizeEmail(row.email)) && row.noShow !== noShow).map((row) => row.id);
    const { count } = await tx.attendee.updateMany({
      // Only rows still in the opposite state: a concurrent writer makes the count fall short.
      where: { id: { in: ids }, bookingId: session.bookingId, ...(noShow ? { OR: [{ noShow: false }, { noShow: null }] } : { noShow: true }) },
      data: { noShow },
    });
    if (count !== ids.length) throw concurrentChange();
  }
}
