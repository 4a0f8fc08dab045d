import { describe, expect, it } from "vitest";

import { englishT } from "../test-locale";
import { addDays, checkRange, formatDayRange, presetRange, todayIn, type DayRange } from "./report-ranges";

describe("report date ranges", () => {
  it("reads today in the host's zone", () => {
    const now = new Date("2026-11-29T23:30:00Z");
    expect(todayIn("Europe/Paris", now)).toBe("2026-11-30");
    expect(todayIn("America/New_York", now)).toBe("2026-11-29");
  });

  it("starts weeks on Monday, also when today is a Sunday or a Monday", () => {
    expect(presetRange("this-week", "2026-11-26")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(presetRange("this-week", "2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(presetRange("last-week", "2026-11-30")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
  });

  it("covers the whole month, February of a leap year included", () => {
    expect(presetRange("this-month", "2026-11-26")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(presetRange("this-month", "2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("this-month", "2026-12-31")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("counts today as one of the last 30 days", () => {
    expect(presetRange("last-30-days", "2026-03-01")).toEqual({ from: "2026-01-31", to: "2026-03-01" });
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
  });

  it("says what is wrong with a typed range", () => {
    const t = englishT();
    const problem = (range: DayRange) => {
      const key = checkRange(range);
      return key && t(key);
    };
    expect(problem({ from: "", to: "2026-01-01" })).toBe("Enter both dates.");
    expect(problem({ from: "2026-01-02", to: "2026-01-01" })).toBe("The range ends before it starts.");
    expect(problem({ from: "2020-01-01", to: "2026-01-01" })).toBe("A report covers at most two years.");
    expect(problem({ from: "2026-01-01", to: "2026-01-01" })).toBeNull();
  });

  it("writes ranges briefly", () => {
    expect(formatDayRange({ from: "2026-11-03", to: "2026-11-09" })).toBe("3 – 9 Nov 2026");
    expect(formatDayRange({ from: "2026-10-28", to: "2026-11-03" })).toBe("28 Oct – 3 Nov 2026");
    expect(formatDayRange({ from: "2025-12-29", to: "2026-01-04" })).toBe("29 Dec 2025 – 4 Jan 2026");
    expect(formatDayRange({ from: "2026-11-03", to: "2026-11-03" })).toBe("3 Nov 2026");
  });
});
