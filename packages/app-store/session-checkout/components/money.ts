import type { TFunction } from "i18next";

/*
 * Money as Cal.com stores it: integers in the currency's minor unit (cents, but none for JPY, three
 * for KWD). The number of decimals comes from Intl for each currency, never an assumed 100.
 */

const DEFAULT_LOCALE = "en-US";

function currencyFormat(currency: string, locale: string): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() });
  } catch {
    // Not an ISO 4217 code (a hand-edited event type): shown as a plain number and the code.
    return null;
  }
}

/** Decimals of the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD (2 for a code Intl does not know). */
export function minorUnitDigits(currency: string): number {
  return currencyFormat(currency, DEFAULT_LOCALE)?.resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in minor units, e.g. 9000 eur -> "€90.00", 5000 jpy -> "¥5,000". */
export function formatMoney(minor: number, currency: string, locale: string = DEFAULT_LOCALE): string {
  const format = currencyFormat(currency, locale);
  if (!format) return `${toDecimalString(minor, 2)} ${currency.toUpperCase()}`;
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / Math.pow(10, digits));
}

/** A price in minor units, or "Free" (through `t`) for 0. */
export function formatPrice(price: number, currency: string, t: TFunction, locale: string = DEFAULT_LOCALE): string {
  return price === 0 ? t("session_checkout_price_free") : formatMoney(price, currency, locale);
}

/** An amount in minor units as a plain decimal for spreadsheets, e.g. 9000 eur -> "90.00", 5000 jpy -> "5000". */
export function minorToDecimal(minor: number, currency: string): string {
  return toDecimalString(minor, minorUnitDigits(currency));
}

// Integer arithmetic on the digits, so no floating-point rounding creeps into an export.
function toDecimalString(minor: number, digits: number): string {
  const sign = minor < 0 ? "-" : "";
  const whole = String(Math.abs(Math.trunc(minor)));
  if (digits === 0) return sign + whole;
  const padded = whole.length > digits ? whole : "0".repeat(digits - whole.length + 1) + whole;
  return `${sign}${padded.slice(0, padded.length - digits)}.${padded.slice(padded.length - digits)}`;
}
