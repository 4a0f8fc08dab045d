import type { PrismaTransaction } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";

import { actorUserId, type Actor, type CheckoutMethod } from "../actor";
import { auditInsertSql } from "../audit";
import { sqlTimestamp } from "../sql-arrays";
import { SessionCheckoutError } from "../errors";
import type { TransitionPlan } from "../transitions";
import type { LockedSession } from "./locked-session";
import { surveyInsertSql } from "./survey-outbox";

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
  const entries = checkouts.map(({ session, plan }) => ({
    bookingId: session.bookingId,
    action: "CHECKED_OUT" as const,
    actor,
    source: method,
    at: now,
    details: { from: plan.from, to: plan.to },
  }));
  // One statement, one round trip: the checkout rows, the surveys and the History entries (with
  // how many surveys each queued). Its parts see the same snapshot and touch different rows; a
  // count short below throws, and the transaction undoes all of it.
  const [written] = await tx.$queryRaw<Array<{ fresh: number; redone: number; queued: number[] }>>`
    WITH "fresh" AS (
      -- Inserted only where no row exists (the primary key is the booking): a count short means someone else did.
      INSERT INTO "App_SessionCheckout_Checkout" ("bookingId", "state", "method", "checkedOutAt", "checkedOutById")
      SELECT id, 'ACTIVE', ${method}::"App_SessionCheckout_Method", ${sqlTimestamp(now)}::timestamp, ${checkedOutById}::int
      FROM unnest(${fresh}::int[]) AS id
      ON CONFLICT ("bookingId") DO NOTHING
      RETURNING "bookingId"
    ), "redone" AS (
      UPDATE "App_SessionCheckout_Checkout"
      SET "state" = 'ACTIVE', "method" = ${method}::"App_SessionCheckout_Method", "checkedOutAt" = ${sqlTimestamp(now)}::timestamp,
          "checkedOutById" = ${checkedOutById}::int, "undoneAt" = NULL, "undoneById" = NULL
      WHERE "bookingId" = ANY(${redone}::int[]) AND "state" = 'UNDONE'
      RETURNING "bookingId"
    ), "queued" AS (${surveyInsertSql(checkouts.map(({ session, plan }) => ({ bookingId: session.bookingId, recipients: plan.surveyRecipients })))}
    ), "history" AS (${auditInsertSql(entries, Prisma.sql`jsonb_build_object('surveysQueued', (SELECT count(*) FROM "queued" q WHERE q."bookingId" = e."bookingId"))`)}
    )
    SELECT (SELECT count(*)::int FROM "fresh") AS "fresh", (SELECT count(*)::int FROM "redone") AS "redone",
           (SELECT COALESCE(array_agg("bookingId"), '{}') FROM "queued") AS "queued"`;
  if (written?.fresh !== fresh.length || written.redone !== redone.length) throw concurrentChange();
  const surveys = new Map(checkouts.map(({ session }) => [session.bookingId, 0]));
  for (const bookingId of written.queued) surveys.set(bookingId, (surveys.get(bookingId) ?? 0) + 1);
  return surveys;
}
