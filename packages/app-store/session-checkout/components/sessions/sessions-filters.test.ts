import { describe, expect, it } from "vitest";

import { searchFromSessionsFilters, sessionsFiltersFromSearch, type SessionsFilterState } from "./sessions-filters";

const last30 = { from: "2026-10-28", to: "2026-11-26" };

describe("the Sessions page's filters in the address", () => {
  it("opens on sessions awaiting checkout in the last 30 days, written as an empty query", () => {
    const filters = sessionsFiltersFromSearch(new URLSearchParams(""), last30);
    expect(filters).toEqual({ preset: "last-30-days", custom: last30, teamId: null, eventTypeId: null, tab: "awaiting", search: "" });
    expect(searchFromSessionsFilters(filters)).toBe("");
  });

  it("round-trips a tab, a search, a custom range, a team and an event type", () => {
    const filters: SessionsFilterState = { preset: "custom", custom: { from: "2026-01-01", to: "2026-01-31" }, teamId: 7, eventTypeId: 42, tab: "noShow", search: "kim & co" };
    const search = searchFromSessionsFilters(filters);
    expect(search).toBe("?range=custom&from=2026-01-01&to=2026-01-31&team=7&eventType=42&tab=noShow&q=kim+%26+co");
    expect(sessionsFiltersFromSearch(new URLSearchParams(search), last30)).toEqual(filters);
  });

  it("reads the report's link to its awaiting sessions as that range", () => {
    const filters = sessionsFiltersFromSearch(new URLSearchParams("status=awaiting&from=2026-11-01&to=2026-11-07&eventType=5"), last30);
    expect(filters).toMatchObject({ tab: "awaiting", preset: "custom", custom: { from: "2026-11-01", to: "2026-11-07" }, eventTypeId: 5 });
  });

  it("ignores a tab it does not know and keeps a search to what the server accepts", () => {
    const filters = sessionsFiltersFromSearch(new URLSearchParams(`tab=everything&q=${"x".repeat(400)}`), last30);
    expect([filters.tab, filters.search.length]).toEqual(["awaiting", 320]);
  });
});
