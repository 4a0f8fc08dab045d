import { describe, expect, it } from "vitest";

import { filtersFromSearch, searchFromFilters, type FilterState } from "./report-filters";

const lastWeek = { from: "2026-11-16", to: "2026-11-22" };

describe("the Reports page's filters in the address", () => {
  it("reads the default view from an empty query, and writes it as one", () => {
    const filters = filtersFromSearch(new URLSearchParams(""), lastWeek);
    expect(filters).toEqual({ preset: "last-week", custom: lastWeek, teamId: null, eventTypeId: null });
    expect(searchFromFilters(filters)).toBe("");
  });

  it("round-trips a custom range, a team and an event type", () => {
    const filters: FilterState = { preset: "custom", custom: { from: "2026-01-01", to: "2026-01-31" }, teamId: 7, eventTypeId: 42 };
    const search = searchFromFilters(filters);
    expect(search).toBe("?range=custom&from=2026-01-01&to=2026-01-31&team=7&eventType=42");
    expect(filtersFromSearch(new URLSearchParams(search), lastWeek)).toEqual(filters);
    expect(searchFromFilters({ ...filters, preset: "this-month" })).toBe("?range=this-month&team=7&eventType=42");
  });

  it("ignores what it cannot read", () => {
    expect(filtersFromSearch(new URLSearchParams("range=forever&team=-1&eventType=99999999999"), lastWeek)).toEqual({ preset: "last-week", custom: lastWeek, teamId: null, eventTypeId: null });
  });
});
