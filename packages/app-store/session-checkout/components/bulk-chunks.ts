import { BULK_CHECKOUT_LIMIT } from "../lib/bulk-checkout-limit";
import type { BulkCheckoutOutcome } from "../lib/services/bulk-checkout";
import { errorMessage } from "./format";

export interface BulkCheckoutResult {
  results: BulkCheckoutOutcome[];
  succeeded: number;
  failed: number;
}

/**
 * Any selection the Sessions page offers, checked out a request of at most BULK_CHECKOUT_LIMIT
 * sessions at a time (each request stays short), one after another, into one result list. A request
 * that fails as a whole marks its own sessions with why; the others still go.
 */
export async function checkOutInChunks(bookingIds: number[], send: (chunk: number[]) => Promise<BulkCheckoutResult>, size = BULK_CHECKOUT_LIMIT): Promise<BulkCheckoutResult> {
  const results: BulkCheckoutOutcome[] = [];
  for (let start = 0; start < bookingIds.length; start += size) {
    const chunk = bookingIds.slice(start, start + size);
    try {
      results.push(...(await send(chunk)).results);
    } catch (error) {
      const message = `Not checked out: ${errorMessage(error)}`;
      results.push(...chunk.map((bookingId): BulkCheckoutOutcome => ({ bookingId, ok: false, code: "INTERNAL_SERVER_ERROR", message })));
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}
