/*
 * Checkout throughput over HTTP, against a SQL floor measured in the same run:
 *   data: on a database of its own, BENCH_CLIENTS hosts (16), each with the app installed, surveys
 *     on, and 13 sessions of theirs that have ended (two attendees each): 208 sessions;
 *   app: the built web app (`next start`, production build in a folder of its own), one client per
 *     host, each signed in with a next-auth session cookie minted with the server's secret, cycling
 *     checkout → undo through its own sessions over HTTP (tRPC `checkout` / `undoCheckout`) for
 *     BENCH_SECONDS: actions/s and the latency of every action (p50/p95/p99); measured in one web
 *     process, then in one per core (WEB_CONCURRENCY's workers; BENCH_WORKERS="1,2" chooses);
 *   floor: the same writes made by the same number of `pg` clients straight to PostgreSQL, on the
 *     same sessions, in the same run — per action one transaction: the booking and its attendees
 *     locked NOWAIT, the checkout row inserted / made active (or undone), the surveys queued (or
 *     cancelled) and the History entry, one statement at a time, as pgbench would send them.
 * The ratio app ÷ floor is the figure to compare (targets: ≥ 25 % of the floor, p99 ≤ 100 ms at
 * 16 clients). Run with `npm run bench:checkout` (it builds the web app into .next-bench first;
 * SKIP_WEB_BUILD=1 reuses that build). BENCH_CPU_PROF=1 starts the server with --cpu-prof (the
 * profile is written to test-results/bench/checkout-profile when it stops). Asserts nothing: the
 * machines are shared and noisy, so the load average is recorded beside the figures.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { encode } from "next-auth/jwt";
import pg from "pg";
import superjson from "superjson";

import { buildWebApp, startWebApp, stopWebApp } from "../../apps/web/scripts/serve";
import setupTemplate from "../support/global-setup";
import { databaseUrl, templateDatabaseName, withAdminClient } from "../support/postgres";
import { round, withClient } from "./bench-support";
import { freePort } from "../support/free-port";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SESSIONS_PER_HOST = 13;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = 4;
/** The build, in a folder of its own (BENCH_DIST_DIR to run another one). */
const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";
const TARGETS = { ratio: 0.25, p99Ms: 100 } as const;
/** The app is measured in one process, then in as many as the machine has cores (BENCH_WORKERS="1,2" to choose). */
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? `1,${availableParallelism()}`).split(",").map(Number);

/** A process's CPU time so far (user + system), in ms, from Linux's /proc; null elsewhere. */
function cpuMs(pid: number): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  // Fields 14 and 15 (utime, stime), counted after the parenthesised command name, in clock ticks of 10 ms.
  const stat = readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time of a process and its children (the workers, when there are several), in ms. */
function processTreeCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const own = cpuMs(pid);
  if (own === null) return null;
  const childrenFile = `/proc/${pid}/task/${pid}/children`;
  const children = existsSync(childrenFile) ? readFileSync(childrenFile, "utf8").trim().split(/\s+/).filter(Boolean).map(Number) : [];
  return children.reduce((sum, child) => sum + (processTreeCpuMs(child) ?? 0), own);
}

interface AppFigures {
  workers: number;
  floor: PhaseResult;
  result: PhaseResult;
  ratio: number;
  serverCpuMsPerAction: number | null;
}

/** Nearest rank. */
const percentile = (sorted: ReadonlyArray<number>, p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

interface PhaseResult {
  actions: number;
  errors: number;
  seconds: number;
  actionsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  firstError?: string;
}

/** Each client does `act(nextBooking, checkout?)` back to back for `seconds`; every action's latency is kept. */
async function runPhase(clients: ReadonlyArray<{ bookings: number[]; act: (bookingId: number, checkout: boolean) => Promise<void> }>, seconds: number): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  await Promise.all(
    clients.map(async ({ bookings, act }) => {
      // A client stops only after an undo, so every phase leaves its sessions as it found them.
      for (let turn = 0; turn % 2 === 1 || performance.now() < deadline; turn++) {
        const bookingId = bookings[Math.floor(turn / 2) % bookings.length]!;
        const begun = performance.now();
        try {
          await act(bookingId, turn % 2 === 0);
          latencies.push(performance.now() - begun);
        } catch (error) {
          errors++;
          firstError ??= String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1_000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    actions: sorted.length,
    errors,
    seconds: round(elapsed, 2),
    actionsPerSecond: round(sorted.length / elapsed, 1),
    p50: round(percentile(sorted, 50), 2),
    p95: round(percentile(sorted, 95), 2),
    p99: round(percentile(sorted, 99), 2),
    ...(firstError ? { firstError } : {}),
  };
}

async function loadData(url: string): Promise<Array<{ userId: number; email: string; bookings: number[] }>> {
  return withClient(url, async (client) => {
    await client.query(`INSERT INTO "App" ("slug", "dirName", "categories", "enabled", "updatedAt") VALUES ('session-checkout', 'session-checkout', ARRAY['other']::"AppCategories"[], true, now()) ON CONFLICT DO NOTHING`);
    const hosts: Array<{ userId: number; email: string; bookings: number[] }> = [];
    for (let i = 0; i < CLIENTS; i++) {
      const email = `bench-host-${i}@bench.example`;
      const { rows } = await client.query<{ id: number }>(`INSERT INTO "users" ("uuid", "email", "name", "username", "timeZone") VALUES (gen_random_uuid(), $1, $2, $3, 'Europe/London') RETURNING "id"`, [email, `Bench Host ${i}`, `bench-host-${i}`]);
      const userId = rows[0]!.id;
      await client.query(`INSERT INTO "Credential" ("type", "key", "userId", "appId") VALUES ('session-checkout_other', '{}', $1, 'session-checkout')`, [userId]);
      await client.query(`INSERT INTO "App_SessionCheckout_Settings" ("userId", "surveysEnabled", "updatedAt") VALUES ($1, true, now())`, [userId]);
      const { rows: bookings } = await client.query<{ id: number }>(
        `INSERT INTO "Booking" ("uid", "userId", "title", "startTime", "endTime", "status")
         SELECT md5(random()::text || n), $1, 'Bench session ' || n, now() - make_interval(hours => n + 2), now() - make_interval(hours => n + 1), 'accepted'
         FROM generate_series(1, ${SESSIONS_PER_HOST}) AS n RETURNING "id"`,
        [userId],
      );
      const ids = bookings.map((row) => row.id).sort((a, b) => a - b);
      await client.query(
        `INSERT INTO "Attendee" ("email", "name", "timeZone", "bookingId")
         SELECT 'client-' || b || '-' || k || '@bench.example', 'Client ' || k, 'UTC', b FROM unnest($1::int[]) AS b, generate_series(1, 2) AS k`,
        [ids],
      );
      hosts.push({ userId, email, bookings: ids });
    }
    await client.query("ANALYZE");
    return hosts;
  });
}

/** The floor: one transaction per action, the writes the app makes, statement by statement. */
function floorAction(client: pg.Client, userId: number) {
  return async (bookingId: number, checkout: boolean) => {
    await client.query("BEGIN");
    try {
      await client.query(`SELECT b."id" FROM "Booking" b JOIN "Attendee" a ON a."bookingId" = b."id" WHERE b."id" = $1 FOR UPDATE NOWAIT`, [bookingId]);
      if (checkout) {
        const { rowCount } = await client.query(
          `INSERT INTO "App_SessionCheckout_Checkout" ("bookingId", "state", "method", "checkedOutAt", "checkedOutById") VALUES ($1, 'ACTIVE', 'MANUAL', now(), $2)
           ON CONFLICT ("bookingId") DO UPDATE SET "state" = 'ACTIVE', "method" = 'MANUAL', "checkedOutAt" = now(), "checkedOutById" = $2, "undoneAt" = NULL, "undoneById" = NULL
           WHERE "App_SessionCheckout_Checkout"."state" = 'UNDONE'`,
          [bookingId, userId],
        );
        if (rowCount !== 1) throw new Error(`floor: booking ${bookingId} was not checked out`);
        await client.query(
          `INSERT INTO "App_SessionCheckout_Survey" ("bookingId", "attendeeEmail", "attendeeName") SELECT $1, lower("email"), "name" FROM "Attendee" WHERE "bookingId" = $1
           ON CONFLICT ("bookingId", "attendeeEmail") DO NOTHING`,
          [bookingId],
        );
      } else {
        const { rowCount } = await client.query(`UPDATE "App_SessionCheckout_Checkout" SET "state" = 'UNDONE', "undoneAt" = now(), "undoneById" = $2 WHERE "bookingId" = $1 AND "state" = 'ACTIVE'`, [bookingId, userId]);
        if (rowCount !== 1) throw new Error(`floor: booking ${bookingId} was not undone`);
        await client.query(`UPDATE "App_SessionCheckout_Survey" SET "status" = 'CANCELLED', "cancelReason" = 'checkout-undone' WHERE "bookingId" = $1 AND "status" = 'QUEUED'`, [bookingId]);
      }
      await client.query(
        `INSERT INTO "App_SessionCheckout_AuditEntry" ("bookingId", "action", "actorType", "actorUserId", "source", "details", "createdAt") VALUES ($1, $2, 'USER', $3, 'MANUAL', '{}'::jsonb, now())`,
        [bookingId, checkout ? "CHECKED_OUT" : "CHECKOUT_UNDONE", userId],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  };
}

/** The app: one tRPC call over HTTP as the signed-in host (a same-site request, as the browser sends it). */
function appAction(baseUrl: string, cookie: string) {
  return async (bookingId: number, checkout: boolean) => {
    const response = await fetch(`${baseUrl}/api/trpc/viewer.appSessionCheckout.${checkout ? "checkout" : "undoCheckout"}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: baseUrl, "sec-fetch-site": "same-origin" },
      body: JSON.stringify(superjson.serialize({ bookingId })),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`app: ${response.status} ${body.slice(0, 300)}`);
  };
}

async function main() {
  await setupTemplate();
  const name = `session_checkout_bench_checkout_${process.pid}_${randomBytes(3).toString("hex")}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`));
  const url = databaseUrl(name);
  const outDir = join(process.cwd(), "test-results", "bench");
  mkdirSync(outDir, { recursive: true });
  const floorClients: pg.Client[] = [];
  let server: Awaited<ReturnType<typeof startWebApp>> | undefined;
  try {
    const hosts = await loadData(url);
    const secret = randomBytes(32).toString("base64url");
    const env = { DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production" };
    if (process.env.SKIP_WEB_BUILD !== "1") await buildWebApp({ ...env, NEXTAUTH_URL: "http://127.0.0.1", NEXT_PUBLIC_WEBAPP_URL: "http://127.0.0.1" });
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const profileDir = join(outDir, "checkout-profile");
    const nodeArgs = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];

    const appClients = await Promise.all(
      hosts.map(async (host) => {
        const token = await encode({ token: { sub: String(host.userId), email: host.email, name: `Bench host` }, secret });
        return { bookings: host.bookings, act: appAction(baseUrl, `next-auth.session-token=${token}`) };
      }),
    );
    for (let i = 0; i < CLIENTS; i++) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      floorClients.push(client);
    }
    const floor = hosts.map((host, i) => ({ bookings: host.bookings, act: floorAction(floorClients[i]!, host.userId) }));

    console.log(`checkout throughput: ${CLIENTS} clients, ${CLIENTS * SESSIONS_PER_HOST} sessions, ${SECONDS} s a phase; the app in ${WORKER_COUNTS.join(" then ")} process(es)`);
    await runPhase(floor, WARM_UP_SECONDS / 2);
    const loadBefore = loadavg()[0]!;
    const apps: AppFigures[] = [];
    for (const workers of WORKER_COUNTS) {
      // The floor right before each app phase: the machine's load drifts over a run.
      const floorResult = await runPhase(floor, SECONDS);
      console.log("floor (pg, same writes):", floorResult);
      server = await startWebApp({ ...env, NEXTAUTH_URL: baseUrl, NEXT_PUBLIC_WEBAPP_URL: baseUrl }, port, nodeArgs, workers);
      // Warm-up: the server compiles its routes and fills its pool; each phase ends on an undo (even turns).
      await runPhase(appClients, WARM_UP_SECONDS);
      const cpuBefore = processTreeCpuMs(server.pid);
      const result = await runPhase(appClients, SECONDS);
      const cpuAfter = processTreeCpuMs(server.pid);
      await stopWebApp(server);
      server = undefined;
      // The web server's own CPU per action (all its processes): the figure the load average does not blur.
      const serverCpuMsPerAction = cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / result.actions, 2);
      const ratio = round(result.actionsPerSecond / floorResult.actionsPerSecond, 3);
      console.log(`app in ${workers} process(es) (HTTP, tRPC):`, result, `web server CPU per action: ${serverCpuMsPerAction} ms`);
      console.log(`  ratio app / floor: ${round(ratio * 100, 1)} % (target ≥ ${TARGETS.ratio * 100} %); app p99 ${result.p99} ms (target ≤ ${TARGETS.p99Ms} ms)`);
      apps.push({ workers, floor: floorResult, result, ratio, serverCpuMsPerAction });
    }
    const loadAfter = loadavg()[0]!;

    const { rows: audit } = await withClient(url, (client) => client.query<{ n: string }>(`SELECT count(*) AS n FROM "App_SessionCheckout_AuditEntry"`));
    const figures = {
      at: new Date().toISOString(),
      clients: CLIENTS,
      sessions: CLIENTS * SESSIONS_PER_HOST,
      seconds: SECONDS,
      cores: availableParallelism(),
      loadAverage: { before: round(loadBefore, 2), after: round(loadAfter, 2) },
      apps,
      targets: TARGETS,
      auditEntries: Number(audit[0]!.n),
    };
    writeFileSync(join(outDir, "checkout-throughput.json"), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`load average ${figures.loadAverage.before} → ${figures.loadAverage.after} on ${figures.cores} cores; written to test-results/bench/checkout-throughput.json`);
  } finally {
    await Promise.all(floorClients.map((client) => client.end()));
    await stopWebApp(server);
    if (process.env.BENCH_KEEP_DATABASE !== "1") await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

await main();
