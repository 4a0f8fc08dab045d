import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * The survey link's token: `<payload>.<signature>`, both base64url. The payload names one survey row
 * and when the link expires; the signature is an HMAC-SHA256 of it under the app's secret, so a
 * token cannot be guessed, forged or altered. 72 hours, as the product promises.
 */

export const SURVEY_LINK_HOURS = 72;
const VERSION = 1;

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

export function createSurveyToken({ surveyId, issuedAt, secret = surveySecret() }: { surveyId: number; issuedAt: Date; secret?: string }): string {
  const expiresAt = issuedAt.getTime() + SURVEY_LINK_HOURS * 3_600_000;
  const payload = Buffer.from(JSON.stringify({ v: VERSION, s: surveyId, e: expiresAt })).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** Checks a token: its shape, then its signature (in constant time), then its expiry. */
export function checkSurveyToken(token: string, { now, secret = surveySecret() }: { now: Date; secret?: string }): SurveyTokenCheck {
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
  const { v, s, e } = (fields ?? {}) as { v?: unknown; s?: unknown; e?: unknown };
  if (v !== VERSION || !Number.isSafeInteger(s) || (s as number) <= 0 || !Number.isSafeInteger(e)) return { ok: false, problem: "malformed" };
  if (now.getTime() >= (e as number)) return { ok: false, problem: "expired" };
  return { ok: true, surveyId: s as number, expiresAt: new Date(e as number) };
}
