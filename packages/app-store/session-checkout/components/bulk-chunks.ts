import type { TFunction } from "i18next";

import { BULK_CHECKOUT_LIMIT } from "../lib/bulk-checkout-limit";
import type { BulkCheckoutOutcome } from "../lib/services/bulk-checkout";
import { errorMessage } from "./format";

/** A session of a request that failed as a whole, with that request's error (put in words by outcomeText). */
interface RequestFailure {
  bookingId: number;
  ok: false;
  code: "INTERNAL_SERVER_ERROR";
  error: unknown;
}

export interface BulkCheckoutResult {
  results: Array<BulkCheckoutOutcome | RequestFailure>;
  succeeded: number;
  failed: number;
}

/**
 * Any selection the Sessions page offers, checked out a request of at most BULK_CHECKOUT_LIMIT
 * sessions at a time (each request stays short), one after another, into one result list. A request
 * that fails as a whole marks its own sessions with its error; the others still go.
 */
export async function checkOutInChunks(bookingIds: number[], send: (chunk: number[]) => Promise<BulkCheckoutResult>, size = BULK_CHECKOUT_LIMIT): Promise<BulkCheckoutResult> {
  const results: BulkCheckoutResult["results"] = [];
  for (let start = 0; start < bookingIds.length; start += size) {
    const chunk = bookingIds.slice(start, start + size);
    try {
      results.push(...(await send(chunk)).results);
    } catch (error) {
      results.push(...chunk.map((bookingId): RequestFailure => ({ bookingId, ok: false, code: "INTERNAL_SERVER_ERROR", error })));
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}

/** What became of one session, in words: the server's refusal as received, else the app's own (through `t`). */
export function outcomeText(outcome: BulkCheckoutResult["results"][number], t: TFunction): string {
  if (outcome.ok) return t("session_checkout_bulk_checked_out");
  return "error" in outcome ? t("session_checkout_bulk_not_checked_out", { message: errorMessage(outcome.error, t) }) : outcome.message;
}
