import { RANGE_PRESETS, type DayRange, type RangePreset } from "./report-ranges";

/** What the Reports page is showing; kept in the address (?range=&from=&to=&team=&eventType=) so a reload or a shared link shows the same. */
export interface FilterState {
  preset: RangePreset;
  /** The range typed for "Custom". */
  custom: DayRange;
  teamId: number | null;
  eventTypeId: number | null;
}

export const DEFAULT_PRESET = "last-week" satisfies RangePreset;

function rowId(value: string | null): number | null {
  return value && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

/**
 * The filters an address asks for; anything unreadable falls back to the default (the report
 * validates the rest). Two dates without a preset are a custom range (the report's links carry them so).
 */
export function filtersFromSearch(search: URLSearchParams, defaultRange: DayRange, defaultPreset: RangePreset = DEFAULT_PRESET): FilterState {
  const datesOnly = !search.has("range") && search.has("from") && search.has("to");
  const preset = datesOnly ? "custom" : (RANGE_PRESETS.find((p) => p.id === search.get("range"))?.id ?? defaultPreset);
  return {
    preset,
    custom: preset === "custom" ? { from: search.get("from") ?? "", to: search.get("to") ?? "" } : defaultRange,
    teamId: rowId(search.get("team")),
    eventTypeId: rowId(search.get("eventType")),
  };
}

/** The filters as query parameters: none for the default view. */
export function filterParams(filters: FilterState, defaultPreset: RangePreset = DEFAULT_PRESET): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.preset !== defaultPreset) search.set("range", filters.preset);
  if (filters.preset === "custom") {
    search.set("from", filters.custom.from);
    search.set("to", filters.custom.to);
  }
  if (filters.teamId !== null) search.set("team", String(filters.teamId));
  if (filters.eventTypeId !== null) search.set("eventType", String(filters.eventTypeId));
  return search;
}

/** The address's query for the filters: empty for the default view. */
export function searchFromFilters(filters: FilterState): string {
  return queryString(filterParams(filters));
}

export function queryString(search: URLSearchParams): string {
  const query = search.toString();
  return query ? `?${query}` : "";
}
