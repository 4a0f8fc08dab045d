import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { startWebApp } from "../../apps/web/scripts/serve";

/*
 * WEB_CONCURRENCY: the built app in two worker processes on one port (web-workers.ts). A worker
 * that dies is replaced and the port keeps answering; stopping the app stops every worker.
 */
let primary: ChildProcess | undefined;
let baseUrl = "";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

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

async function statuses(count: number): Promise<number[]> {
  return Promise.all(Array.from({ length: count }, () => fetch(`${baseUrl}/auth/signin`).then(async (response) => (await response.arrayBuffer(), response.status))));
}

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  primary = await startWebApp({ DATABASE_URL: inject("databaseUrl"), NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseUrl, NEXT_PUBLIC_WEBAPP_URL: baseUrl }, port, [], 2);
});

afterAll(async () => {
  if (primary && primary.exitCode === null && primary.signalCode === null) {
    const exited = new Promise((resolve) => primary!.once("exit", resolve));
    primary.kill("SIGTERM");
    await exited;
  }
});

describe("the web app in two worker processes", () => {
  it("serves one port from two processes, replaces a worker that dies, and stops them all on SIGTERM", async () => {
    const pid = primary!.pid!;
    const first = await waitFor(() => (workerPids(pid).length === 2 ? workerPids(pid) : undefined), "two workers");
    expect(await statuses(20)).toEqual(Array(20).fill(200));

    process.kill(first[0]!, "SIGKILL");
    const replaced = await waitFor(() => {
      const now = workerPids(pid);
      return now.length === 2 && !now.includes(first[0]!) ? now : undefined;
    }, "the dead worker's replacement");
    expect(replaced).toContain(first[1]);
    // The replacement answers too (connections go to the workers in turn): a burst succeeds once it is up.
    const deadline = Date.now() + 30_000;
    let burst = await statuses(20);
    while (burst.some((status) => status !== 200) && Date.now() < deadline) burst = await statuses(20);
    expect(burst).toEqual(Array(20).fill(200));

    const exited = new Promise<number | null>((resolve) => primary!.once("exit", (code) => resolve(code)));
    primary!.kill("SIGTERM");
    expect(await exited).toBe(0);
    await waitFor(() => (replaced.every((worker) => !alive(worker)) ? true : undefined), "every worker to stop", 15_000);
  }, 90_000);
});
