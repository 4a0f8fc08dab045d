import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";

import { checkSurveyToken, createSurveyToken, SURVEY_LINK_HOURS, surveySecret } from "./survey-token";

const secret = "test-secret-0123456789";
const issuedAt = new Date("2026-05-01T10:00:00.000Z");
const token = createSurveyToken({ surveyId: 42, issuedAt, secret });
const hours = (n: number) => new Date(issuedAt.getTime() + n * 3_600_000);

describe("survey link tokens", () => {
  it("name their survey and hold for 72 hours, not a millisecond longer", () => {
    expect(checkSurveyToken(token, { now: hours(1), secret })).toEqual({ ok: true, surveyId: 42, expiresAt: hours(SURVEY_LINK_HOURS) });
    expect(checkSurveyToken(token, { now: new Date(hours(72).getTime() - 1), secret }).ok).toBe(true);
    expect(checkSurveyToken(token, { now: hours(72), secret })).toEqual({ ok: false, problem: "expired" });
  });

  it("refuse a token signed with another secret, or altered in any character", () => {
    expect(checkSurveyToken(token, { now: hours(1), secret: "another-secret" })).toEqual({ ok: false, problem: "forged" });
    const [payload, signature] = token.split(".") as [string, string];
    // Another survey's id with the old signature.
    const otherPayload = Buffer.from(JSON.stringify({ v: 1, s: 43, e: hours(72).getTime() })).toString("base64url");
    expect(checkSurveyToken(`${otherPayload}.${signature}`, { now: hours(1), secret })).toEqual({ ok: false, problem: "forged" });
    // A later expiry with the old signature.
    const longer = Buffer.from(JSON.stringify({ v: 1, s: 42, e: hours(1000).getTime() })).toString("base64url");
    expect(checkSurveyToken(`${longer}.${signature}`, { now: hours(1), secret })).toEqual({ ok: false, problem: "forged" });
    for (let i = 0; i < signature.length; i++) {
      const flipped = signature.slice(0, i) + (signature[i] === "A" ? "B" : "A") + signature.slice(i + 1);
      expect(checkSurveyToken(`${payload}.${flipped}`, { now: hours(1), secret }).ok).toBe(false);
    }
  });

  it("call anything that is not a token malformed", () => {
    for (const bad of ["", ".", "abc", "a.b.c", `${token}.x`, "%%%.###", "a".repeat(600), `${Buffer.from("not json").toString("base64url")}.x`]) {
      expect(checkSurveyToken(bad, { now: hours(1), secret }).ok).toBe(false);
    }
    // Correctly signed, but not the payload this app writes.
    const payload = Buffer.from(JSON.stringify({ v: 1, s: "42", e: hours(72).getTime() })).toString("base64url");
    const signed = `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
    expect(checkSurveyToken(signed, { now: hours(1), secret })).toEqual({ ok: false, problem: "malformed" });
  });

  it("need a secret in production, and use a fixed one in development", () => {
    expect(() => surveySecret({ NODE_ENV: "production" })).toThrow("SESSION_CHECKOUT_SURVEY_SECRET is not set");
    expect(surveySecret({ NODE_ENV: "production", SESSION_CHECKOUT_SURVEY_SECRET: "s" })).toBe("s");
    expect(surveySecret({})).toBe(surveySecret({ NODE_ENV: "development" }));
  });
});

describe("unsubscribe link tokens", () => {
  it("hold for a year and are never taken for a survey link, nor the reverse", () => {
    const unsubscribe = createSurveyToken({ surveyId: 9, issuedAt, purpose: "unsubscribe", secret });
    const answer = createSurveyToken({ surveyId: 9, issuedAt, secret });
    expect(checkSurveyToken(unsubscribe, { now: hours(300 * 24), purpose: "unsubscribe", secret })).toMatchObject({ ok: true, surveyId: 9 });
    expect(checkSurveyToken(unsubscribe, { now: hours(365 * 24), purpose: "unsubscribe", secret })).toEqual({ ok: false, problem: "expired" });
    expect(checkSurveyToken(unsubscribe, { now: issuedAt, secret })).toEqual({ ok: false, problem: "forged" });
    expect(checkSurveyToken(answer, { now: issuedAt, purpose: "unsubscribe", secret })).toEqual({ ok: false, problem: "forged" });
  });
});
