import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createPrismaClient } from "@calcom/prisma";

import { startWebApp, stopWebApp } from "../../apps/web/scripts/serve";
import { cookieHeader } from "./http-client";
import { SURFACE_PASSWORD, freshUser } from "./surface-users";
import { freePort } from "../support/free-port";

/*
 * WEB_CONCURRENCY: the built app in two worker processes on one port (web-workers.ts). A worker
 * that dies is replaced and the port keeps answering; stopping the app stops every worker.
 */
const prisma = createPrismaClient({ databaseUrl: inject("databaseUrl") });
let primary: ChildProcess | undefined;
let baseUrl = "";


function workerPids(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file) ? readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

const alive = (pid: number) => existsSync(`/proc/${pid}/stat`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

/**
 * A credentials sign-in whose POST goes on a connection of its own (the cluster hands out
 * connections, not requests, in turn): its status.
 */
async function signInOnNewConnection(email: string, password: string): Promise<number> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${baseUrl}/calendar` }).toString();
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${baseUrl}/api/auth/callback/credentials`,
      { method: "POST", agent: false, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), cookie: cookieHeader(csrf), connection: "close" } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** The status of each of `count` requests at once; a connection that fails counts as 0. */
async function statuses(count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      try {
        const response = await fetch(`${baseUrl}/auth/signin`);
        await response.arrayBuffer();
        return response.status;
      } catch {
        return 0;
      }
    }),
  );
}

/** Bursts until one is all 200s (a worker just started may not listen yet), or the last burst. */
async function settledBurst(timeoutMs = 20_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let burst = await statuses(20);
  while (burst.some((status) => status !== 200) && Date.now() < deadline) burst = await statuses(20);
  return burst;
}

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  primary = await startWebApp({ DATABASE_URL: inject("databaseUrl"), NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseUrl, NEXT_PUBLIC_WEBAPP_URL: baseUrl }, port, [], 2);
});

afterAll(async () => {
  await stopWebApp(primary);
  await prisma.$disconnect();
});

describe("the web app in two worker processes", () => {
  it("counts sign-in failures once across workers: the 6th failure of an address is refused, whichever worker takes it", async () => {
    const user = await freshUser(prisma, "workers-limit");
    // Each attempt on a new connection, so they go to the workers in turn: with counts of each
    // process's own, each worker would have seen three and let the sixth (the right password) in.
    for (let attempt = 1; attempt <= 5; attempt++) expect(await signInOnNewConnection(user.email, `wrong-${attempt}`), `attempt ${attempt}`).toBe(401);
    expect(await signInOnNewConnection(user.email, SURFACE_PASSWORD)).toBe(429);
  });

  it("serves one port from two processes, replaces a worker that dies, and stops them all on SIGTERM", async () => {
    const pid = primary!.pid!;
    const first = await waitFor(() => (workerPids(pid).length === 2 ? workerPids(pid) : undefined), "two workers");
    expect(await settledBurst()).toEqual(Array(20).fill(200));

    process.kill(first[0]!, "SIGKILL");
    const replacement = await waitFor(() => workerPids(pid).find((worker) => !first.includes(worker)), "the dead worker's replacement");
    // The other original worker goes too: from now on only the replacement can answer.
    await settledBurst();
    process.kill(first[1]!, "SIGKILL");
    await waitFor(() => (alive(first[1]!) ? undefined : true), "the second worker to die", 10_000);
    expect(workerPids(pid)).toContain(replacement);
    expect(await settledBurst()).toEqual(Array(20).fill(200));

    const exited = new Promise<number | null>((resolve) => primary!.once("exit", (code) => resolve(code)));
    primary!.kill("SIGTERM");
    expect(await exited).toBe(0);
    const last = [replacement, ...workerPids(pid)];
    await waitFor(() => (last.every((worker) => !alive(worker)) ? true : undefined), "every worker to stop", 15_000);
  }, 120_000);

  it("a worker that cannot start is not restarted forever: the app stops with a failure code", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = startWebApp({ DATABASE_URL: inject("databaseUrl"), NEXTAUTH_SECRET: "x".repeat(43), NEXTAUTH_URL: url, NEXT_PUBLIC_WEBAPP_URL: url }, port, ["--require", "./no-such-preload-module.cjs"], 2);
    await expect(started).rejects.toThrow(/exited \(code 1\)/);
  }, 60_000);
});
