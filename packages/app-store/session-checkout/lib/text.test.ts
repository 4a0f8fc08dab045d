import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { unstorableTextReason } from "./text";

describe("unstorableTextReason", () => {
  it("refuses a NUL and a lone surrogate, wherever they are", () => {
    expect(unstorableTextReason("a\u0000b")).toMatch(/NUL/);
    for (const text of ["\ud800", "a\ud800", "\udc00b", "x\udc00", "\ud800\ud800\udc00", "\ud83d\ude00\udc00"]) expect(unstorableTextReason(text)).toMatch(/lone surrogate/);
  });

  it("accepts every well-formed string without NUL (emoji and other astral characters included)", () => {
    expect(unstorableTextReason("Great session 😀 — merci")).toBeNull();
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => unstorableTextReason(text) === (text.includes("\u0000") ? "cannot contain a NUL character" : null)));
  });

  it("agrees with a UTF-8 round trip (which replaces a lone surrogate) on any UTF-16", () => {
    const survivesUtf8 = (text: string) => Buffer.from(text, "utf8").toString("utf8") === text;
    fc.assert(
      fc.property(fc.string({ unit: "binary" }).filter((t) => !t.includes("\u0000")), (text) => (unstorableTextReason(text) === null) === survivesUtf8(text)),
      { numRuns: 2000 },
    );
  });
});
