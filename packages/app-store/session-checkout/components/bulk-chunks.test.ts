import { describe, expect, it } from "vitest";

import { checkOutInChunks, outcomeText, type BulkCheckoutResult } from "./bulk-chunks";
import { englishT } from "./test-locale";

const okAll = async (chunk: number[]): Promise<BulkCheckoutResult> => ({ results: chunk.map((bookingId) => ({ bookingId, ok: true as const, status: "COMPLETED" as const })), succeeded: chunk.length, failed: 0 });

describe("checkOutInChunks", () => {
  it("sends at most `size` ids a request, in order, and merges one result list", async () => {
    const sent: number[][] = [];
    const ids = Array.from({ length: 230 }, (_, i) => i + 1);
    const outcome = await checkOutInChunks(ids, (chunk) => (sent.push(chunk), okAll(chunk)), 100);
    expect(sent.map((c) => c.length)).toEqual([100, 100, 30]);
    expect(outcome.results.map((r) => r.bookingId)).toEqual(ids);
    expect([outcome.succeeded, outcome.failed]).toEqual([230, 0]);
  });

  it("marks the sessions of a request that failed as a whole, and still sends the rest", async () => {
    const outcome = await checkOutInChunks([1, 2, 3, 4, 5], async (chunk) => (chunk.includes(3) ? Promise.reject(new TypeError("Failed to fetch")) : okAll(chunk)), 2);
    expect(outcome.results.map((r) => [r.bookingId, r.ok])).toEqual([[1, true], [2, true], [3, false], [4, false], [5, true]]);
    expect(outcome.results[2]).toMatchObject({ ok: false, code: "INTERNAL_SERVER_ERROR" });
    const t = englishT();
    expect(outcomeText(outcome.results[2]!, t)).toBe("Not checked out: Could not reach the server. Check your connection, then try again.");
    expect(outcomeText(outcome.results[0]!, t)).toBe("checked out (Completed)");
    expect([outcome.succeeded, outcome.failed]).toEqual([3, 2]);
  });
});
