/*
 * The host's lists at scale, on the shared 1,000,000-booking data set (million-bookings.ts), with
 * 1,000 History entries on each measured session:
 *   (a) a client's session history (clientHistory: one client of one host, ~12–19 sessions among the
 *       host's 1,000 and 1.3 M attendees),
 *   (b) the Sessions page (listSessions: all of the last 28 days, first page, with every tab's count),
 *   (c) the report's "awaiting checkout" list (listSessions' awaiting tab, the last 30 days),
 *   (d) the booking dialog (getSession: a session with 1,000 History entries, the latest 50 of them),
 *   (e) the dialog's next History page (sessionHistory with a cursor),
 * each through the app's tRPC procedure as the page asks for it, 30 runs on different hosts: p50 and
 * p95 (target: each under 20 ms). The plans of every statement the slowest call of each case sends
 * are written beside the figures, and the Booking and Attendee indexes they read are named.
 * Run with `npm run bench:host-lists`; BENCH_BOOKINGS scales the data down, BENCH_RUNS sets the runs.
 * Asserts nothing: the figures and the plans are the result.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";

import { PrismaClient } from "@calcom/prisma";
import { PrismaPg } from "@prisma/adapter-pg";

import { callerFor } from "../support/factories";
import { round, timed, withClient } from "./bench-support";
import { HOSTS, withMillionBookings } from "./million-bookings";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const HISTORY_ENTRIES = 1_000;
const TARGET_MS = 20;

const percentile = (values: ReadonlyArray<number>, p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)]!;
const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

type Statement = { sql: string; params: unknown[]; ms: number };

function loggingClient(url: string, log: Statement[]) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10, allowExitOnIdle: true }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", (event) => log.push({ sql: event.query, params: JSON.parse(event.params) as unknown[], ms: event.duration }));
  return db;
}

/** 1,000 History entries on one past session of each of `hosts`: what a year of surveys, undos and resends leaves. */
async function addHistory(url: string, hosts: number[]): Promise<Map<number, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ userId: number; id: number }>(
      `SELECT DISTINCT ON (b."userId") b."userId", b."id" FROM "Booking" b WHERE b."userId" = ANY($1::int[]) AND b."endTime" < now() ORDER BY b."userId", b."startTime" DESC`,
      [hosts],
    );
    await client.query(
      `INSERT INTO "App_SessionCheckout_AuditEntry" ("bookingId", "action", "actorType", "actorUserId", "source", "details", "createdAt")
       SELECT b.id, CASE WHEN n % 2 = 0 THEN 'CHECKED_OUT' ELSE 'CHECKOUT_UNDONE' END::"App_SessionCheckout_AuditAction", 'USER', b."userId", 'MANUAL', '{}'::jsonb,
              now() - make_interval(mins => n)
       FROM unnest($1::int[], $2::int[]) AS b(id, "userId") CROSS JOIN generate_series(1, $3::int) n`,
      [rows.map((r) => r.id), rows.map((r) => r.userId), HISTORY_ENTRIES],
    );
    await client.query(`VACUUM (ANALYZE) "App_SessionCheckout_AuditEntry"`);
    return new Map(rows.map((r) => [r.userId, r.id]));
  });
}

async function explain(url: string, statement: Statement) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    return {
      plan,
      executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN),
      indexes: [...new Set([...plan.matchAll(/Scan (?:Backward )?(?:using|on) "?(\w+_idx|\w+_pkey|\w+_key)"?/g)].map((m) => m[1]!))],
      seqScans: [...new Set([...plan.matchAll(/Seq Scan on "?(\w+)"?/g)].map((m) => m[1]!))],
    };
  });
}

async function main() {
  const started = performance.now();
  await withMillionBookings("lists", async ({ url, today, load }) => {
    // Hosts spread over the table (every 1,000 / RUNS-th), each measured once per case.
    const hostIds = Array.from({ length: Math.min(RUNS, HOSTS) }, (_, i) => 1 + Math.floor((i * HOSTS) / Math.min(RUNS, HOSTS)));
    const sessionOf = await addHistory(url, hostIds);
    const statements: Statement[] = [];
    const db = loggingClient(url, statements);
    const hosts = await db.user.findMany({ where: { id: { in: hostIds } }, select: { id: true, name: true, email: true, timeZone: true } });

    type Case = { label: string; call: (host: (typeof hosts)[number]) => Promise<unknown> };
    const cases: Record<string, Case> = {
      clientHistory: { label: "(a) a client's history", call: (h) => callerFor(db, h).clientHistory({ attendeeEmail: `client.${h.id}.${h.id % 80}@clients.example` }) },
      listSessions: {
        label: "(b) Sessions page, all, 28 days",
        call: (h) => callerFor(db, h).listSessions({ from: dayIn(new Date(today.getTime() - 27 * 86_400_000), h.timeZone), to: dayIn(today, h.timeZone), tab: "all" }),
      },
      awaiting: {
        label: "(c) awaiting checkout, 30 days",
        call: (h) => callerFor(db, h).listSessions({ from: dayIn(new Date(today.getTime() - 29 * 86_400_000), h.timeZone), to: dayIn(today, h.timeZone), tab: "awaiting" }),
      },
      getSession: { label: "(d) booking dialog, 1,000 entries", call: (h) => callerFor(db, h).getSession({ bookingId: sessionOf.get(h.id)! }) },
      sessionHistory: {
        label: "(e) History's next page",
        call: async (h) => {
          const details = await callerFor(db, h).getSession({ bookingId: sessionOf.get(h.id)! });
          statements.length = 0;
          const started = performance.now();
          const page = await callerFor(db, h).sessionHistory({ bookingId: sessionOf.get(h.id)!, cursor: details.historyNextCursor! });
          return { page, ms: performance.now() - started };
        },
      },
    };

    // Warm the pool and the plans on a host outside the measured ones.
    const warm = (await db.user.findFirstOrThrow({ where: { id: { notIn: hostIds } }, select: { id: true, name: true, email: true, timeZone: true } }))!;
    for (const c of Object.values(cases).slice(0, 3)) await c.call(warm);

    const results: Record<string, { label: string; p50: number; p95: number; max: number; metTarget: boolean; slowest: { hostId: number; statements: Array<{ ms: number; sql: string }> }; plans: Array<Awaited<ReturnType<typeof explain>> & { sql: string }> }> = {};
    for (const [key, c] of Object.entries(cases)) {
      const times: number[] = [];
      let slowest = { ms: -1, hostId: 0, statements: [] as Statement[] };
      for (const host of hosts) {
        statements.length = 0;
        const { ms, result } = await timed(() => c.call(host));
        const elapsed = key === "sessionHistory" ? (result as { ms: number }).ms : ms;
        times.push(elapsed);
        if (elapsed > slowest.ms) slowest = { ms: elapsed, hostId: host.id, statements: [...statements] };
      }
      const plans = [];
      for (const statement of slowest.statements.filter((s) => /^\s*(SELECT|WITH)/i.test(s.sql))) plans.push({ sql: statement.sql, ...(await explain(url, statement)) });
      results[key] = {
        label: c.label,
        p50: round(percentile(times, 50), 2),
        p95: round(percentile(times, 95), 2),
        max: round(Math.max(...times), 2),
        metTarget: percentile(times, 50) < TARGET_MS,
        slowest: { hostId: slowest.hostId, statements: slowest.statements.map((s) => ({ ms: round(s.ms, 1), sql: s.sql.slice(0, 160) })) },
        plans,
      };
    }
    await db.$disconnect();

    const report = { loadAverage: { cores: availableParallelism(), now: loadavg().map((v) => round(v, 2)) }, data: load.result.totals, historyEntriesPerSession: HISTORY_ENTRIES, runs: hostIds.length, targetMs: TARGET_MS, results, totalRuntimeS: round((performance.now() - started) / 1000, 0) };
    const out = join(import.meta.dirname, "..", "..", "test-results", "bench");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "host-lists.json"), `${JSON.stringify(report, null, 2)}\n`);
    const planText = Object.entries(results)
      .flatMap(([key, r]) => r.plans.map((p, i) => `=== ${key} statement ${i + 1} (slowest run, host ${r.slowest.hostId}): ${p.executionMs} ms\n${p.sql}\n${p.plan}\n`))
      .join("\n");
    writeFileSync(join(out, "host-lists-plans.txt"), planText);

    console.log(`\nThe host's lists, ${load.result.totals.bookings!.toLocaleString("en")} bookings, ${hostIds.length} hosts per case (target p50 < ${TARGET_MS} ms):`);
    for (const r of Object.values(results)) {
      const indexes = [...new Set(r.plans.flatMap((p) => p.indexes))].join(", ");
      const seq = [...new Set(r.plans.flatMap((p) => p.seqScans))].join(", ") || "none";
      console.log(`  ${r.label.padEnd(36)} p50 ${String(r.p50).padStart(6)} ms   p95 ${String(r.p95).padStart(6)} ms   ${r.metTarget ? "met" : "MISSED"}   indexes: ${indexes}; seq scans: ${seq}`);
    }
    console.log(`  load average ${report.loadAverage.now.join(" / ")} on ${report.loadAverage.cores} cores. Figures in test-results/bench/host-lists.json, plans in host-lists-plans.txt (${report.totalRuntimeS} s).`);
  });
}

await main();
