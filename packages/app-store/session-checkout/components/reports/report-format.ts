import type { MoneyByCurrency } from "../../lib/reports";
import { formatMoney } from "../money";

/** 0.714… -> "71%"; null (nothing has ended) -> "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** 4, 4.5 or 3.7 out of 5; "—" without ratings. */
export function formatAverageRating(average: number | null): string {
  return average === null ? "—" : `${Math.round(average * 10) / 10}/5`;
}

/** Each currency apart, never added: ["€90.00", "¥5,000"], in currency-code order. */
export function moneyLines(amounts: MoneyByCurrency): string[] {
  return Object.keys(amounts)
    .sort()
    .map((currency) => formatMoney(amounts[currency] ?? 0, currency));
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
