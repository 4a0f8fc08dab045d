import type { PrismaTransaction } from "@calcom/prisma";

import { actorUserId, type Actor, type CheckoutMethod } from "../actor";
import { appendAuditEntries } from "../audit";
import { sqlTimestamp } from "../sql-arrays";
import { SessionCheckoutError } from "../errors";
import type { TransitionPlan } from "../transitions";
import type { LockedSession } from "./locked-session";
import { queueSurveys } from "./survey-outbox";

/** Someone else changed the row between our read and our write: the rules said yes to a state that is gone. */
export function concurrentChange(): SessionCheckoutError {
  return new SessionCheckoutError("PRECONDITION_FAILED", "This session was changed at the same moment. Reload it and try again.");
}

/**
 * What a checkout writes, for one session or many (manual, bulk and auto-checkout alike), inside
 * the caller's transaction and under its locks: the checkout row (inserted, or an undone one made
 * active again — conditional writes, so a concurrent writer makes the count fall short and the
 * transaction fail), the survey outbox rows, and the History entry. Returns surveys queued per booking.
 */
export async function writeCheckouts(
  tx: PrismaTransaction,
  checkouts: ReadonlyArray<{ session: LockedSession; plan: TransitionPlan }>,
  { actor, method, now }: { actor: Actor; method: CheckoutMethod; now: Date },
): Promise<Map<number, number>> {
  const checkedOutById = actorUserId(actor);
  const fresh = checkouts.filter(({ session }) => session.snapshot.checkoutState === null).map(({ session }) => session.bookingId);
  const redone = checkouts.filter(({ session }) => session.snapshot.checkoutState === "UNDONE").map(({ session }) => session.bookingId);
  if (fresh.length + redone.length !== checkouts.length) throw concurrentChange();
  if (fresh.length > 0) {
    // Inserted only where no row exists (the primary key is the booking): a count short means someone else did.
    const count = await tx.$executeRaw`
      INSERT INTO "App_SessionCheckout_Checkout" ("bookingId", "state", "method", "checkedOutAt", "checkedOutById")
      SELECT id, 'ACTIVE', ${method}::"App_SessionCheckout_Method", ${sqlTimestamp(now)}::timestamp, ${checkedOutById}::int
      FROM unnest(${fresh}::int[]) AS id
      ON CONFLICT ("bookingId") DO NOTHING`;
    if (count !== fresh.length) throw concurrentChange();
  }
  if (redone.length > 0) {
    // Raw, like the insert: Prisma would compile the updateMany on every call.
    const count = await tx.$executeRaw`
      UPDATE "App_SessionCheckout_Checkout"
      SET "state" = 'ACTIVE', "method" = ${method}::"App_SessionCheckout_Method", "checkedOutAt" = ${sqlTimestamp(now)}::timestamp,
          "checkedOutById" = ${checkedOutById}::int, "undoneAt" = NULL, "undoneById" = NULL
      WHERE "bookingId" = ANY(${redone}::int[]) AND "state" = 'UNDONE'`;
    if (count !== redone.length) throw concurrentChange();
  }

  const surveys = await queueSurveys(tx, checkouts.map(({ session, plan }) => ({ bookingId: session.bookingId, recipients: plan.surveyRecipients })));
  await appendAuditEntries(
    tx,
    checkouts.map(({ session, plan }) => ({
      bookingId: session.bookingId,
      action: "CHECKED_OUT" as const,
      actor,
      source: method,
      at: now,
      details: { from: plan.from, to: plan.to, surveysQueued: surveys.get(session.bookingId) ?? 0 },
    })),
  );
  return surveys;
}
