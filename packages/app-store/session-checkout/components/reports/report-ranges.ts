import { rangeDays, REPORT_MAX_DAYS } from "../../lib/reports";

/*
 * The date-range presets, as calendar days (YYYY-MM-DD) in the host's zone: the report reads its
 * days there too. Weeks start on Monday, as the report's weekly buckets do. Labels are translation keys.
 */

export const RANGE_PRESETS = [
  { id: "this-week", labelKey: "session_checkout_range_this_week" },
  { id: "last-week", labelKey: "session_checkout_range_last_week" },
  { id: "this-month", labelKey: "session_checkout_range_this_month" },
  { id: "last-30-days", labelKey: "session_checkout_range_last_30_days" },
  { id: "custom", labelKey: "session_checkout_range_custom" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["id"];

export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** The calendar day it is in `timeZone` at `now`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function mondayOf(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The range a preset stands for on `today`; "custom" has none of its own. */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: string): DayRange {
  switch (preset) {
    case "this-week":
      return { from: mondayOf(today), to: addDays(mondayOf(today), 6) };
    case "last-week":
      return { from: addDays(mondayOf(today), -7), to: addDays(mondayOf(today), -1) };
    case "this-month": {
      const first = `${today.slice(0, 7)}-01`;
      const nextMonth = new Date(Date.parse(`${first}T00:00:00Z`));
      nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
      return { from: first, to: addDays(nextMonth.toISOString().slice(0, 10), -1) };
    }
    case "last-30-days":
      return { from: addDays(today, -29), to: today };
  }
}

/** Why the report would refuse a range, as a translation key. */
export type RangeProblem =
  | "session_checkout_range_missing_dates"
  | "session_checkout_range_invalid_dates"
  | "session_checkout_range_reversed"
  | "session_checkout_range_too_long";

/** A range a person typed: null, or the key of the reason when the report would refuse it. */
export function checkRange(range: DayRange): RangeProblem | null {
  const days = rangeDays(range.from, range.to);
  if (!range.from || !range.to) return "session_checkout_range_missing_dates";
  if (days === null) return "session_checkout_range_invalid_dates";
  if (days < 1) return "session_checkout_range_reversed";
  if (days > REPORT_MAX_DAYS) return "session_checkout_range_too_long";
  return null;
}

/** "3 Nov 2026", or "3 – 9 Nov 2026" / "28 Oct – 3 Nov 2026" for a range. */
export function formatDayRange({ from, to }: DayRange): string {
  const day = (value: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", ...options }).format(new Date(`${value}T12:00:00Z`));
  const full = (value: string) => day(value, { day: "numeric", month: "short", year: "numeric" });
  if (from === to) return full(from);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${day(from, { day: "numeric" })} – ${full(to)}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${day(from, { day: "numeric", month: "short" })} – ${full(to)}`;
  return `${full(from)} – ${full(to)}`;
}
