/*
 * What a report's figures mean, decided once. The counts come from SQL (the session status there is
 * `App_SessionCheckout_session_status`, held equal to lib/status.ts); the rates are computed here.
 *
 * - completed, noShow, cancelled: sessions that started in the range, by session status (pending
 *   sessions are counted nowhere but `pending`). A booking a reschedule replaced (Cal.com cancels it
 *   with `rescheduled`) is no session: its replacement is counted instead.
 * - awaitingCheckout: Confirmed sessions that have ended and are not checked out (never, or the checkout
 *   was undone): a to-do.
 * - completionRate = completed ÷ (completed + noShow + awaitingCheckout); noShowRate = noShow ÷ the
 *   same; null when nothing has ended.
 * - ratings: the clients' survey answers on the range's sessions that are Completed now (each answer
 *   counts once; a session undone or marked No Show since no longer speaks for the host's work).
 * - collected: successful, not refunded Cal.com payments of the range's sessions, whatever their
 *   status (a no-show fee or a prepaid session awaiting checkout is money taken), per currency (minor
 *   units); refunded: the successful payments that were refunded; listValue: the event type's price of
 *   completed sessions that have no successful payment and no card hold (a no-show fee never meant to
 *   be charged), per currency. Currencies are never added. The SQL is `sessionMoney()`.
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

/** The years a report reads: PostgreSQL has no year 0, and nothing a host did happened before 1900. */
const FIRST_YEAR = 1900;

function calendarDay(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number(day.slice(0, 4)) < FIRST_YEAR) return null;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day ? null : time;
}

/**
 * A zone name both Intl and PostgreSQL read the same way: an IANA name ("Europe/Paris", "UTC"), never
 * an offset ("+05:00" reads as UTC−5 in PostgreSQL's POSIX rules). A name Intl knows and PostgreSQL's
 * tzdata has dropped is refused by the query, as BAD_REQUEST (see reports' `readInZone`).
 */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}
