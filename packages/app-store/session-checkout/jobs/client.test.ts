import { describe, expect, it } from "vitest";

import { inngestMisconfiguration, jobEngine } from "./client";

describe("which engine runs the jobs", () => {
  it.each([
    [{}, "embedded"],
    [{ INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s" }, "inngest"],
    [{ INNGEST_DEV: "1" }, "inngest"],
    [{ INNGEST_DEV: "http://localhost:8288" }, "inngest"],
    [{ INNGEST_DEV: "0" }, "embedded"],
    [{ INNGEST_DEV: "false" }, "embedded"],
    // Half a configuration cannot work on Inngest: the embedded runner keeps auto-checkout going.
    [{ INNGEST_EVENT_KEY: "e" }, "embedded"],
    [{ INNGEST_SIGNING_KEY: "s" }, "embedded"],
  ] as const)("%o → %s", (env, engine) => {
    expect(jobEngine(env)).toBe(engine);
  });

  it("names the missing key when only one is set, and says nothing otherwise", () => {
    expect(inngestMisconfiguration({ INNGEST_SIGNING_KEY: "s" })).toBe(
      "INNGEST_SIGNING_KEY is set but INNGEST_EVENT_KEY is not: Inngest needs both, so auto-checkout runs embedded in this process until you set INNGEST_EVENT_KEY.",
    );
    expect(inngestMisconfiguration({ INNGEST_EVENT_KEY: "e" })).toContain("INNGEST_SIGNING_KEY is not");
    for (const env of [{}, { INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s" }, { INNGEST_DEV: "1", INNGEST_EVENT_KEY: "e" }]) expect(inngestMisconfiguration(env)).toBeNull();
  });
});
