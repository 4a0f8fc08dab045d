/*
 * What a report's figures mean, decided once. The counts come from SQL (the session status there is
 * `App_SessionCheckout_session_status`, held equal to lib/status.ts); the rates are computed here.
 *
 * - completed, noShow, cancelled: sessions that started in the range, by session status (pending
 *   sessions are counted nowhere but `pending`).
 * - awaitingCheckout: Confirmed sessions that have ended and are not checked out (never, or the checkout
 *   was undone): a to-do.
 * - completionRate = completed ÷ (completed + noShow + awaitingCheckout); noShowRate = noShow ÷ the
 *   same; null when nothing has ended.
 * - ratings: the clients' survey answers on the range's sessions (each answer counts once).
 * - collected: successful, not refunded Cal.com payments of completed sessions, per currency (minor
 *   units); refunded: the successful payments that were refunded; listValue: the event type's price of
 *   completed sessions that have no successful payment, per currency. Currencies are never added.
 */

export interface StatusCounts {
  completed: number;
  noShow: number;
  cancelled: number;
  pending: number;
  awaitingCheckout: number;
  /** Confirmed sessions that have not ended yet. */
  upcoming: number;
}

export interface Rates {
  completionRate: number | null;
  noShowRate: number | null;
}

export function ratesOf(counts: Pick<StatusCounts, "completed" | "noShow" | "awaitingCheckout">): Rates {
  const ended = counts.completed + counts.noShow + counts.awaitingCheckout;
  if (ended === 0) return { completionRate: null, noShowRate: null };
  return { completionRate: counts.completed / ended, noShowRate: counts.noShow / ended };
}

/** Amounts per currency (lower-case ISO code), in the currency's minor units. */
export type MoneyByCurrency = Record<string, number>;

export const REPORT_BUCKETS = ["day", "week"] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];

/** The longest range a report covers: two years and a day (a leap year and the day the range ends on). */
export const REPORT_MAX_DAYS = 732;

/** Days from `from` to `to`, both included; null when either is not a real calendar date (YYYY-MM-DD). */
export function rangeDays(from: string, to: string): number | null {
  const start = calendarDay(from);
  const end = calendarDay(to);
  if (start === null || end === null) return null;
  return Math.round((end - start) / 86_400_000) + 1;
}

function calendarDay(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day ? null : time;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}
