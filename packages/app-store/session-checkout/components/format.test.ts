import { describe, expect, it } from "vitest";

import { errorMessage, formatInZone, isRetryable } from "./format";
import { englishT } from "./test-locale";

const t = englishT();

describe("errorMessage", () => {
  it("says the server could not be reached instead of the browser's own words", () => {
    for (const words of ["Failed to fetch", "Load failed", "NetworkError when attempting to fetch resource."])
      expect(errorMessage(new TypeError(words), t)).toBe("Could not reach the server. Check your connection, then try again.");
    expect(errorMessage(new Error("Failed to fetch", { cause: new TypeError("Load failed") }), t)).toMatch(/^Could not reach the server/);
  });

  it("passes the server's own refusal through and names nothing for a non-error", () => {
    expect(errorMessage(new Error("This session is Cancelled, so it cannot be checked out."), t)).toBe("This session is Cancelled, so it cannot be checked out.");
    expect(errorMessage("boom", t)).toBe("Something went wrong. Try again.");
  });

  it("offers a retry for a failure, not for a refusal that says what to change", () => {
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
    expect(isRetryable(Object.assign(new Error("x"), { data: { code: "INTERNAL_SERVER_ERROR" } }))).toBe(true);
    expect(isRetryable(Object.assign(new Error("This session is being changed, try again."), { data: { code: "CONFLICT" } }))).toBe(true);
    for (const code of ["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"]) expect(isRetryable(Object.assign(new Error("x"), { data: { code } }))).toBe(false);
  });
});

describe("formatInZone", () => {
  it("writes the time as the host reads times: 24 hours (00:05, never 24:05) or 12 hours", () => {
    const lateEvening = new Date("2026-11-24T23:05:00Z");
    expect(formatInZone(lateEvening, "Europe/Paris")).toBe("Wed, 25 Nov 2026, 00:05");
    expect(formatInZone(lateEvening, "Europe/Paris", true)).toBe("Wed, 25 Nov 2026, 12:05am");
    expect(formatInZone(lateEvening, "America/New_York", true)).toBe("Tue, 24 Nov 2026, 6:05pm");
  });
});
