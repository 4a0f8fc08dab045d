import type { PrismaClient } from "@calcom/prisma";

import { SessionCheckoutError } from "../errors";
import { APP_SLUG } from "../installation";
import { performSessionAction } from "./session-actions";

export interface SweepResult {
  checkedOut: number[];
  skipped: Array<{ bookingId: number; reason: string }>;
}

/**
 * One pass of auto-checkout: find candidate sessions, and check each out if the auto-checkout
 * rule (decideAutoCheckout, applied inside the checkout's transaction) says it is due. The query
 * mirrors the rule's timing and no-show conditions so that sessions the rule will always skip
 * never take up the batch (otherwise ~500 old no-shows would starve every later session); the
 * rule under the booking lock still decides. Safe to run concurrently: the checkout is exactly-once.
 */
export async function runAutoCheckoutSweep(db: PrismaClient, { now = new Date(), limit = 500 }: { now?: Date; limit?: number } = {}): Promise<SweepResult> {
  const candidates = await db.$queryRaw<Array<{ id: number }>>`
    SELECT b."id"
    FROM "Booking" b
    JOIN "App_SessionCheckout_Settings" s ON s."userId" = b."userId"
    WHERE b."status" = 'accepted'
      AND s."autoCheckoutEnabled"
      AND b."endTime" + make_interval(mins => s."autoCheckoutDelayMinutes") <= ${now}
      AND b."endTime" + make_interval(mins => s."autoCheckoutDelayMinutes") > s."autoCheckoutEnabledAt"
      AND NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = b."id")
      AND EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id" AND a."noShow" IS NOT TRUE)
      AND EXISTS (SELECT 1 FROM "Credential" cr WHERE cr."userId" = b."userId" AND cr."appId" = ${APP_SLUG})
    ORDER BY b."endTime" ASC, b."id" ASC
    LIMIT ${limit}`;

  const result: SweepResult = { checkedOut: [], skipped: [] };
  for (const { id } of candidates) {
    try {
      await performSessionAction(db, { bookingId: id, action: "checkout", actor: { kind: "auto-checkout" }, method: "AUTO", now });
      result.checkedOut.push(id);
    } catch (error) {
      if (!(error instanceof SessionCheckoutError)) throw error;
      result.skipped.push({ bookingId: id, reason: error.message });
    }
  }
  return result;
}
