import cluster from "node:cluster";

import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/*
 * Failed sign-ins allowed per window: per email address from one IP address (a guessed password:
 * strict), per email address from anywhere (looser, so that a stranger's guesses do not lock the
 * owner out at the fifth), and per IP address (one machine trying many addresses). In memory: in
 * one web process, its own; in web workers (WEB_CONCURRENCY, scripts/web-workers.ts), the
 * primary's, asked over the cluster's channel (rate-limiter-flexible's RateLimiterCluster), so N
 * workers never allow N times the guesses. Web servers on several machines would swap in
 * RateLimiterRedis or RateLimiterPostgres with the same options. The IP address is only as good as
 * the proxy in front that writes X-Forwarded-For (see client-address.ts).
 */
const WINDOW_SECONDS = 15 * 60;
const limit = (variable: string, fallback: number) => {
  const value = Number(process.env[variable]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
export const MAX_FAILURES_PER_ADDRESS = limit("SIGNIN_MAX_FAILURES_PER_ADDRESS", 5);
export const MAX_FAILURES_PER_ADDRESS_ALL_IPS = limit("SIGNIN_MAX_FAILURES_PER_ADDRESS_ALL_IPS", 50);
// Higher: an office behind one address shares it.
export const MAX_FAILURES_PER_IP = limit("SIGNIN_MAX_FAILURES_PER_IP", 30);

const counter = (keyPrefix: string, points: number): RateLimiterAbstract =>
  cluster.isWorker ? new RateLimiterCluster({ keyPrefix, points, duration: WINDOW_SECONDS, timeoutMs: 3_000 }) : new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });

// On globalThis: Next may load this module once per route bundle, and the counts must be one.
const limiters = globalThis as { signInLimiters?: { byAddressAndIp: RateLimiterAbstract; byAddress: RateLimiterAbstract; byIp: RateLimiterAbstract } };
limiters.signInLimiters ??= {
  byAddressAndIp: counter("signin-address-ip", MAX_FAILURES_PER_ADDRESS),
  byAddress: counter("signin-address", MAX_FAILURES_PER_ADDRESS_ALL_IPS),
  byIp: counter("signin-ip", MAX_FAILURES_PER_IP),
};
const { byAddressAndIp, byAddress, byIp } = limiters.signInLimiters;

/** The address a sign-in is counted and checked under: one reading for the limiter and for the password check. */
export function signInAddress(email: unknown): string {
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

export const TOO_MANY_PREFIX = "Too many sign-in attempts.";

export type SignInAllowance = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

/**
 * Counts an attempt before the password is checked (atomic, so a burst cannot slip past the
 * limit); a successful sign-in gives it back, so only failures add up.
 */
export async function takeSignInAttempt(email: string, ip: string): Promise<SignInAllowance> {
  try {
    await byIp.consume(ip);
    await byAddress.consume(email);
    await byAddressAndIp.consume(`${email} ${ip}`);
    return { ok: true };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return { ok: false, retryAfterSeconds, message: `${TOO_MANY_PREFIX} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
}

/**
 * A correct password: the address starts afresh from that IP address, and the attempt's own point
 * goes back to the IP's and the address's counts — only that one, so failures there still add up
 * (signing in to an account of one's own buys no guesses at others', and a stranger's guesses at
 * an address are not forgiven by its owner signing in).
 */
export async function signInSucceeded(email: string, ip: string): Promise<void> {
  await Promise.all([byAddressAndIp.delete(`${email} ${ip}`), byIp.reward(ip, 1), byAddress.reward(email, 1)]);
}
