import { describe, expect, it } from "vitest";

import { errorMessage } from "./format";

describe("errorMessage", () => {
  it("says the server could not be reached instead of the browser's own words", () => {
    for (const words of ["Failed to fetch", "Load failed", "NetworkError when attempting to fetch resource."])
      expect(errorMessage(new TypeError(words))).toBe("Could not reach the server. Check your connection, then try again.");
    expect(errorMessage(new Error("Failed to fetch", { cause: new TypeError("Load failed") }))).toMatch(/^Could not reach the server/);
  });

  it("passes the server's own refusal through and names nothing for a non-error", () => {
    expect(errorMessage(new Error("This session is Cancelled, so it cannot be checked out."))).toBe("This session is Cancelled, so it cannot be checked out.");
    expect(errorMessage("boom")).toBe("Something went wrong. Try again.");
  });
});
