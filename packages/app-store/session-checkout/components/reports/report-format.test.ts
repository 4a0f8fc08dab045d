import { describe, expect, it } from "vitest";

import { formatAverageRating, formatRate, moneyLines } from "./report-format";

describe("report figures in words", () => {
  it("rounds rates and ratings, and says — when there is nothing to divide", () => {
    expect(formatRate(5 / 7)).toBe("71%");
    expect(formatRate(null)).toBe("—");
    // Only all is 100 % and only none is 0 %.
    expect([formatRate(199 / 200), formatRate(9999 / 10000), formatRate(1), formatRate(1 / 300), formatRate(0)]).toEqual(["99.5%", "99.9%", "100%", "0.4%", "0%"]);
    expect(formatAverageRating(11 / 3)).toBe("3.7/5");
    expect(formatAverageRating(4)).toBe("4/5");
    expect(formatAverageRating(null)).toBe("—");
  });

  it("keeps currencies apart, each in its own minor unit", () => {
    expect(moneyLines({ jpy: 5000, eur: 9000 })).toEqual(["€90.00", "¥5,000"]);
    expect(moneyLines({})).toEqual([]);
  });
});
