import type { TFunction } from "i18next";

/** A date and time in the host's zone, e.g. "Tue 24 Nov 2026, 14:05", or "…, 2:05pm" for a host who reads 12-hour times. */
export function formatInZone(date: Date, timeZone: string, hour12 = false): string {
  const time: Intl.DateTimeFormatOptions = hour12 ? { hour: "numeric", minute: "2-digit", hourCycle: "h12" } : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  // "2:05pm", as Cal.com writes 12-hour times (h:mma) and the calendar shows them.
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", ...time }).format(date).replace(/\s([ap]m)$/, "$1");
}

/** A 1–5 rating as five stars, e.g. "★★★★☆" for 4 (decoration: say the number in words beside it). */
export function stars(rating: number): string {
  const filled = Math.max(0, Math.min(5, Math.round(rating)));
  return "★".repeat(filled) + "☆".repeat(5 - filled);
}

/** What went wrong, to show: the server's own message as received, or the app's words (through `t`) when there is none. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof Error)) return t("session_checkout_error_something_went_wrong");
  // The browser's own words when no answer came back ("Failed to fetch", "Load failed", "NetworkError …").
  if (isNetworkFailure(error)) return t("session_checkout_error_server_unreachable");
  return error.message;
}

/** Whether trying the same request again can help: not for a refusal (no access, bad input), which says what to change instead. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  return typeof code !== "string" || RETRYABLE_CODES.indexOf(code) !== -1;
}

const RETRYABLE_CODES = ["INTERNAL_SERVER_ERROR", "TIMEOUT", "CONFLICT", "TOO_MANY_REQUESTS", "SERVICE_UNAVAILABLE", "BAD_GATEWAY", "GATEWAY_TIMEOUT", "CLIENT_CLOSED_REQUEST"];

const NETWORK_FAILURE = /^(Failed to fetch|Load failed|NetworkError when attempting to fetch resource\.?|Network request failed)$/i;

function isNetworkFailure(error: Error): boolean {
  const cause = (error as { cause?: unknown }).cause;
  return NETWORK_FAILURE.test(error.message) || (cause instanceof Error && NETWORK_FAILURE.test(cause.message));
}

/** A session's date and time in the client's own zone, spelled out, e.g. "Tuesday 24 November 2026, 14:05 CET"; UTC when the zone is unknown. */
export function formatForClient(date: Date, timeZone: string): string {
  return clientFormatter(timeZone).format(date);
}

// Building a formatter costs far more than using one (a delivery batch formats one date per email).
const clientFormatters = new Map<string, Intl.DateTimeFormat>();
function clientFormatter(timeZone: string): Intl.DateTimeFormat {
  const known = clientFormatters.get(timeZone);
  if (known) return known;
  const options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
  } catch {
    formatter = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" });
  }
  // Bounded: zones come from attendee rows, and there are a few hundred real ones.
  if (clientFormatters.size < 1000) clientFormatters.set(timeZone, formatter);
  return formatter;
}

/** Cal.com's brandColor when it is a plain #rrggbb (it goes into styles), else a neutral dark. */
export function brandColorOrDefault(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : "#111827";
}
