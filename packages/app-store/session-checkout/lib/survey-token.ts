import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * The survey link's token: `<payload>.<signature>`, both base64url. The payload names one survey row,
 * what the link is for and when it expires; the signature is an HMAC-SHA256 of it under the app's
 * secret, so a token cannot be guessed, forged or altered. A survey link lasts 72 hours, as the
 * product promises; an unsubscribe link a year (mail providers offer "Unsubscribe" long after).
 */

export const SURVEY_LINK_HOURS = 72;
export const UNSUBSCRIBE_LINK_HOURS = 365 * 24;
const VERSION = 1;

/** What a link lets its holder do: answer the survey, or stop the host's surveys to that address. */
export type SurveyLinkPurpose = "answer" | "unsubscribe";
const PURPOSE_CODES: Record<SurveyLinkPurpose, string | undefined> = { answer: undefined, unsubscribe: "u" };
const LINK_HOURS: Record<SurveyLinkPurpose, number> = { answer: SURVEY_LINK_HOURS, unsubscribe: UNSUBSCRIBE_LINK_HOURS };

export type SurveyTokenProblem = "malformed" | "forged" | "expired";
export type SurveyTokenCheck = { ok: true; surveyId: number; expiresAt: Date } | { ok: false; problem: SurveyTokenProblem };

/** The secret that signs survey links: required in production, a fixed development value otherwise. */
export function surveySecret(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const secret = env.SESSION_CHECKOUT_SURVEY_SECRET;
  if (secret) return secret;
  if (env.NODE_ENV === "production") throw new Error("SESSION_CHECKOUT_SURVEY_SECRET is not set: survey links cannot be signed.");
  return "session-checkout-development-survey-secret";
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function createSurveyToken({
  surveyId,
  issuedAt,
  purpose = "answer",
  secret = surveySecret(),
}: {
  surveyId: number;
  issuedAt: Date;
  purpose?: SurveyLinkPurpose;
  secret?: string;
}): string {
  const expiresAt = issuedAt.getTime() + LINK_HOURS[purpose] * 3_600_000;
  const code = PURPOSE_CODES[purpose];
  const payload = Buffer.from(JSON.stringify({ v: VERSION, s: surveyId, e: expiresAt, ...(code ? { p: code } : {}) })).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** Checks a token: its shape, then its signature (in constant time), then its purpose and expiry. */
export function checkSurveyToken(
  token: string,
  { now, purpose = "answer", secret = surveySecret() }: { now: Date; purpose?: SurveyLinkPurpose; secret?: string },
): SurveyTokenCheck {
  if (token.length > 512) return { ok: false, problem: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]!) || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) return { ok: false, problem: "malformed" };
  const [payload, signature] = parts as [string, string];
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: "forged" };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, problem: "malformed" };
  }
  const { v, s, e, p } = (fields ?? {}) as { v?: unknown; s?: unknown; e?: unknown; p?: unknown };
  if (v !== VERSION || !Number.isSafeInteger(s) || (s as number) <= 0 || !Number.isSafeInteger(e)) return { ok: false, problem: "malformed" };
  // A genuine link made for the other purpose: an unsubscribe link never answers a survey, nor the reverse.
  if (p !== PURPOSE_CODES[purpose]) return { ok: false, problem: "forged" };
  if (now.getTime() >= (e as number)) return { ok: false, problem: "expired" };
  return { ok: true, surveyId: s as number, expiresAt: new Date(e as number) };
}
