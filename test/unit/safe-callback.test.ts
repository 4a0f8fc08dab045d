import { describe, expect, it } from "vitest";

import { safeCallbackPath } from "../../apps/web/lib/safe-callback";

describe("the sign-in callback stays in the app", () => {
  it.each([
    ["/calendar", "/calendar"],
    ["/apps/session-checkout/clients/kim%40x.example?tab=notes#top", "/apps/session-checkout/clients/kim%40x.example?tab=notes#top"],
    [undefined, "/calendar"],
    ["https://evil.example/", "/calendar"],
    ["//evil.example/", "/calendar"],
    ["/\\evil.example", "/calendar"],
    ["/\t/evil.example", "/calendar"],
    ["javascript:alert(1)", "/calendar"],
  ])("%s -> %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
