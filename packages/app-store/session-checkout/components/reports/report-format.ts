import type { MoneyByCurrency } from "../../lib/reports";
import { formatMoney } from "../money";

/** 0.714… -> "71%"; null (nothing has ended) -> "—". */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  // Whole percents, except that only all is 100 % and only none is 0 %: 199 of 200 reads 99.5 %.
  const percent = Math.round(rate * 100);
  if (percent === 100 && rate < 1) return `${Math.floor(rate * 1000) / 10}%`;
  if (percent === 0 && rate > 0) return `${Math.ceil(rate * 1000) / 10}%`;
  return `${percent}%`;
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
