import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createPrismaClient } from "@calcom/prisma";

import { startWebApp, stopWebApp } from "../../apps/web/scripts/serve";
import { median, signInOverHttp } from "./http-client";
import { SURFACE_PASSWORD, freshUser } from "./surface-users";
import { freePort } from "../support/free-port";

/*
 * A second server from the same build, of this file's own: its in-memory sign-in limits are
 * exhausted here without locking other files out, and it is configured as an https site
 * (NEXTAUTH_URL https://…) to show the Secure cookies. A 60-failure IP limit leaves room for the
 * timing samples.
 */
const PER_IP = 60;
const prisma = createPrismaClient({ databaseUrl: inject("databaseUrl") });
let server: ChildProcess | undefined;
let baseUrl = "";


beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const siteUrl = `https://127.0.0.1:${port}`;
  server = await startWebApp(
    { DATABASE_URL: inject("databaseUrl"), NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: siteUrl, NEXT_PUBLIC_WEBAPP_URL: siteUrl, SIGNIN_MAX_FAILURES_PER_IP: String(PER_IP) },
    port,
  );
});

afterAll(async () => {
  await stopWebApp(server);
  await prisma.$disconnect();
});

const limitedMessage = /^Too many sign-in attempts\. Try again in \d+ minutes?\.$/;
const errorOf = (result: { body: { url?: string } }) => new URL(result.body.url ?? "http://x/").searchParams.get("error");

describe("sign-in", () => {
  it("on an https site the session cookie is __Secure- and Secure", async () => {
    const user = await freshUser(prisma, "secure-cookie");
    const result = await signInOverHttp(baseUrl, user.email, SURFACE_PASSWORD);
    expect(result.status).toBe(200);
    const session = result.setCookies.find((line) => line.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeTruthy();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
  });

  it("the 6th failed sign-in of an address is refused with a message that says when to try again, even with the right password", async () => {
    const user = await freshUser(prisma, "per-address");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await signInOverHttp(baseUrl, user.email, `wrong-${attempt}`);
      expect(failed.status, `attempt ${attempt}`).toBe(401);
      expect(errorOf(failed)).toBe("CredentialsSignin");
    }
    const sixth = await signInOverHttp(baseUrl, user.email, SURFACE_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(sixth.body.message).toMatch(limitedMessage);
    expect(errorOf(sixth)).toBe(sixth.body.message);
    expect(sixth.setCookies.some((line) => line.includes("session-token"))).toBe(false);
  });

  it("a repeated email field counts against the address whose password is checked, not a decoy", async () => {
    const user = await freshUser(prisma, "decoy");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await signInOverHttp(baseUrl, user.email, `wrong-${attempt}`, { decoyEmail: `decoy-${attempt}-${user.email}` });
      expect(failed.status, `attempt ${attempt}`).toBe(401);
    }
    const sixth = await signInOverHttp(baseUrl, user.email, `wrong-6`, { decoyEmail: `decoy-6-${user.email}` });
    expect(sixth.status).toBe(429);
  });

  it("a correct password resets the address's count", async () => {
    const user = await freshUser(prisma, "reset");
    for (let attempt = 1; attempt <= 4; attempt++) expect((await signInOverHttp(baseUrl, user.email, "wrong")).status).toBe(401);
    expect((await signInOverHttp(baseUrl, user.email, SURFACE_PASSWORD)).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) expect((await signInOverHttp(baseUrl, user.email, "wrong")).status).toBe(401);
  });

  it("an unknown email takes as long as a wrong password (medians of interleaved samples)", async () => {
    const SAMPLES = 15;
    // Known accounts, each failing at most 3 times (under the per-address limit).
    const users = await Promise.all(Array.from({ length: 5 }, (_, index) => freshUser(prisma, `timing-${index}`)));
    const known: number[] = [];
    const unknown: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) {
      const first = sample % 2 === 0;
      const takeUnknown = async () => {
        const result = await signInOverHttp(baseUrl, `nobody-${sample}-${randomBytes(3).toString("hex")}@surface.example`, "wrong-password");
        expect(result.status).toBe(401);
        unknown.push(result.ms);
      };
      const takeKnown = async () => {
        const result = await signInOverHttp(baseUrl, users[sample % users.length]!.email, "wrong-password");
        expect(result.status).toBe(401);
        known.push(result.ms);
      };
      // Alternating order, so a slow moment of the machine falls on both.
      if (first) await takeUnknown().then(takeKnown);
      else await takeKnown().then(takeUnknown);
    }
    const [unknownMs, knownMs] = [median(unknown), median(known)];
    console.log(`sign-in timing over ${SAMPLES} each: unknown email median ${unknownMs.toFixed(1)} ms, wrong password median ${knownMs.toFixed(1)} ms, difference ${(unknownMs - knownMs).toFixed(1)} ms`);
    // Before: 80 ms apart (no bcrypt for an unknown email: most of a sign-in's time). Both paths must
    // pay it; the bound leaves room for a loaded machine's noise, well short of a skipped hash.
    expect(Math.abs(unknownMs - knownMs)).toBeLessThan(Math.max(20, knownMs * 0.3));
  });

  it("one IP failing across many addresses is stopped at its own limit", async () => {
    let refused: Awaited<ReturnType<typeof signInOverHttp>> | undefined;
    for (let attempt = 0; attempt <= PER_IP && !refused; attempt++) {
      const result = await signInOverHttp(baseUrl, `spray-${attempt}@surface.example`, "wrong-password");
      if (result.status === 429) refused = result;
      else expect(result.status).toBe(401);
    }
    expect(refused?.body.message).toMatch(limitedMessage);
    // A fresh address from the same IP is refused too.
    expect((await signInOverHttp(baseUrl, `spray-fresh@surface.example`, "wrong-password")).status).toBe(429);
  });
});
