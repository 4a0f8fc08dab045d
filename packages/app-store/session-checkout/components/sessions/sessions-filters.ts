import { SEARCH_MAX_CHARACTERS, SESSION_LIST_TABS, type SessionListTab } from "../../lib/session-list-tabs";
import { filterParams, filtersFromSearch, queryString, type FilterState } from "../reports/report-filters";
import type { DayRange, RangePreset } from "../reports/report-ranges";

/** What the Sessions page is showing, kept in the address (?tab=&q=&range=&from=&to=&team=&eventType=) so a reload or a shared link shows the same. */
export interface SessionsFilterState extends FilterState {
  tab: SessionListTab;
  /** Part of a client's name or address, as typed. */
  search: string;
}

export const SESSIONS_DEFAULT_PRESET = "last-30-days" satisfies RangePreset;
const SESSIONS_DEFAULT_TAB = "awaiting" satisfies SessionListTab;

/** The Sessions page's filters an address asks for. The report's old link (?status=awaiting&from=&to=) still opens its list. */
export function sessionsFiltersFromSearch(search: URLSearchParams, defaultRange: DayRange): SessionsFilterState {
  const tab = SESSION_LIST_TABS.find((candidate) => candidate === search.get("tab")) ?? SESSIONS_DEFAULT_TAB;
  return { ...filtersFromSearch(search, defaultRange, SESSIONS_DEFAULT_PRESET), tab, search: (search.get("q") ?? "").slice(0, SEARCH_MAX_CHARACTERS) };
}

/** The address's query for the Sessions page's filters: empty for the default view. */
export function searchFromSessionsFilters(filters: SessionsFilterState): string {
  const search = filterParams(filters, SESSIONS_DEFAULT_PRESET);
  if (filters.tab !== SESSIONS_DEFAULT_TAB) search.set("tab", filters.tab);
  if (filters.search.trim()) search.set("q", filters.search.trim());
  return queryString(search);
}
