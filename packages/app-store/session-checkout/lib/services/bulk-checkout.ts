import type { PrismaClient } from "@calcom/prisma";

import type { Actor } from "../actor";
import { logSummary, SessionCheckoutError, type SessionCheckoutErrorCode } from "../errors";
import { performSessionAction } from "./session-actions";

const UNEXPECTED_MESSAGE = "This session could not be checked out because of an unexpected error. Try it again on its own.";

export type BulkCheckoutOutcome = { bookingId: number; ok: true; status: "COMPLETED" } | { bookingId: number; ok: false; code: SessionCheckoutErrorCode | "INTERNAL_SERVER_ERROR"; message: string };

/**
 * Checks out many sessions, each in its own transaction under the same rules as one checkout:
 * one refusal — or one unexpected failure — never stops the others, and the one result list says
 * which succeeded and why the rest did not (what committed stays committed, and the host is told).
 */
export async function bulkCheckout(db: PrismaClient, { bookingIds, actor, now }: { bookingIds: number[]; actor: Actor; now?: Date }) {
  const results: BulkCheckoutOutcome[] = [];
  for (const bookingId of Array.from(new Set(bookingIds))) {
    try {
      await performSessionAction(db, { bookingId, action: "checkout", actor, method: "BULK", now });
      results.push({ bookingId, ok: true, status: "COMPLETED" });
    } catch (error) {
      if (error instanceof SessionCheckoutError) {
        results.push({ bookingId, ok: false, code: error.code, message: error.message });
      } else {
        console.error(`[session-checkout] Bulk checkout of booking ${bookingId} failed unexpectedly: ${logSummary(error)}`);
        results.push({ bookingId, ok: false, code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED_MESSAGE });
      }
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}
