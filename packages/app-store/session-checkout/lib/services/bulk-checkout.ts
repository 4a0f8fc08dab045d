import type { PrismaClient } from "@calcom/prisma";

import type { Actor } from "../actor";
import { SessionCheckoutError, type SessionCheckoutErrorCode } from "../errors";
import { performSessionAction } from "./session-actions";

export const BULK_CHECKOUT_LIMIT = 200;

export type BulkCheckoutOutcome = { bookingId: number; ok: true; status: "COMPLETED" } | { bookingId: number; ok: false; code: SessionCheckoutErrorCode; message: string };

/**
 * Checks out many sessions, each in its own transaction under the same rules as one checkout:
 * one refusal never stops the others, and the result says which succeeded and why the rest did not.
 */
export async function bulkCheckout(db: PrismaClient, { bookingIds, actor, now }: { bookingIds: number[]; actor: Actor; now?: Date }) {
  const results: BulkCheckoutOutcome[] = [];
  for (const bookingId of Array.from(new Set(bookingIds))) {
    try {
      await performSessionAction(db, { bookingId, action: "checkout", actor, method: "BULK", now });
      results.push({ bookingId, ok: true, status: "COMPLETED" });
    } catch (error) {
      if (!(error instanceof SessionCheckoutError)) throw error;
      results.push({ bookingId, ok: false, code: error.code, message: error.message });
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}
