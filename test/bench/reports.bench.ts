/*
 * The reports query at scale, against a baseline measured in the same run:
 *   data: 1,000,000 bookings of 1,000 hosts (1,000 each) in 50 teams of 20 (one ADMIN each; team
 *     event types priced in EUR or USD, JPY and for every third team GBP, one of them free; each
 *     host's own paid and free event types), spread over two years up to two weeks from now: ~70 %
 *     checked out (ACTIVE), ~2 % checked out and undone, ~5 % every attendee no-show, ~8 % cancelled,
 *     ~3 % pending, the rest confirmed and never checked out (to-dos, and upcoming ones); 1–3
 *     attendees; a successful Payment for ~60 % of completed sessions (~3 % of them refunded, a few
 *     failed attempts, refunds on some cancelled ones); survey rows for the present attendees of every
 *     completed session, answered with a rating on ~30 % of them;
 *   (a) one host's report over the last year, (b) a team's (20 members) over the last year as its
 *     admin, each through the app's tRPC procedure `reports` (zod, the installed check, buildReport),
 *     as the host's Reports page asks for it (their time zone, week by week), 30 runs each on
 *     different hosts / teams: p50 and p95 (targets: (a) ≤ 50 ms, (b) ≤ 200 ms);
 *   baseline: a hand-written aggregate over the same sessions with the same joins to attendees and
 *     checkouts (one `SELECT … count(*) … GROUP BY` of booking status, checkout state and whether
 *     every attendee was absent), through the same client, in the same run, alternating which goes
 *     first; its totals are checked equal to the report's (target ≤ 3× the baseline).
 * The EXPLAIN (ANALYZE, BUFFERS) plans of the statements buildReport runs (captured from the
 * client's query log as the procedure sends them) and of the baseline, for one host and one team,
 * are printed and written beside the figures, with a check that the report's statements read
 * Booking(userId, startTime) and Booking(eventTypeId, startTime).
 * Run with `npm run bench:reports`. Reports p50, p95 and ratios and asserts nothing: these machines
 * are shared and noisy (the load average is recorded beside the figures), so the ratio is the figure
 * to compare. BENCH_BOOKINGS scales the data down for a quick smoke run (BENCH_BOOKINGS=100000: 100
 * hosts in 5 teams, still 1,000 bookings each); BENCH_RUNS sets the runs per case; BENCH_KEEP_DATABASE=1 keeps the database.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";

import { createPrismaClient, Prisma, PrismaClient } from "@calcom/prisma";
import { PrismaPg } from "@prisma/adapter-pg";

import { callerFor } from "../support/factories";
import { round, timed, withClient } from "./bench-support";
import { BOOKINGS_PER_HOST, DAY_MS, DAYS_AHEAD, DAYS_BACK, HOSTS, TEAM_SIZE, TEAMS, withMillionBookings } from "./million-bookings";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM_UP_RUNS = 3;
const TARGETS = { hostYearP50Ms: 50, teamYearP50Ms: 200, ratio: 3 } as const;

/** Nearest rank: p50 of 30 is the 15th value, p95 the 29th. */
const percentile = (values: ReadonlyArray<number>, p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)]!;
const summary = (values: ReadonlyArray<number>) => ({
  p50: round(percentile(values, 50), 2),
  p95: round(percentile(values, 95), 2),
  min: round(Math.min(...values), 2),
  max: round(Math.max(...values), 2),
});
/** A calendar day as YYYY-MM-DD in a zone. */
const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

// ---------------------------------------------------------------------------------------------
// The cases: who asks, over which days, the app's call and the baseline.
// ---------------------------------------------------------------------------------------------

interface Caller {
  id: number;
  name: string | null;
  email: string;
  timeZone: string;
}

interface Subject {
  caller: Caller;
  teamId?: number;
  /** The last year, as the Reports page asks for it: 365 days ending today in the caller's zone. */
  from: string;
  to: string;
}

const HOST_FIELDS = { id: true, name: true, email: true, timeZone: true } as const;

async function subjects(db: PrismaClient, kind: "host" | "team", count: number, today: Date): Promise<Subject[]> {
  const range = (timeZone: string) => ({ from: dayIn(new Date(today.getTime() - 364 * DAY_MS), timeZone), to: dayIn(today, timeZone) });
  const out: Subject[] = [];
  for (let i = 0; i < count; i++) {
    if (kind === "host") {
      // Spread over every team and zone: 337 is prime to the host count.
      const caller = await db.user.findUniqueOrThrow({ where: { id: 1 + ((i * 337) % HOSTS) }, select: HOST_FIELDS });
      out.push({ caller, ...range(caller.timeZone) });
    } else {
      const teamId = 1 + ((i * 7) % TEAMS);
      const admin = await db.membership.findFirstOrThrow({ where: { teamId, role: "ADMIN" }, select: { user: { select: HOST_FIELDS } } });
      out.push({ caller: admin.user, teamId, ...range(admin.user.timeZone) });
    }
  }
  return out;
}

/** The app's path: the tRPC procedure as the Reports page calls it (the caller's zone, the default bucket: weeks for a year). */
function appReport(db: PrismaClient, subject: Subject) {
  return callerFor(db, subject.caller).reports({ from: subject.from, to: subject.to, ...(subject.teamId !== undefined ? { teamId: subject.teamId } : {}) });
}

type BaselineRow = { status: string; checkoutState: string | null; allAbsent: boolean | null; sessions: number };

/**
 * The baseline, by hand: the same sessions (the same scope, the same days in the same zone) with the
 * same joins to attendees and checkouts, counted in one GROUP BY of what decides a session's status.
 */
function baselineSql(subject: Subject): Prisma.Sql {
  const zone = subject.caller.timeZone;
  const scope =
    subject.teamId === undefined
      ? Prisma.sql`b."userId" = ${subject.caller.id}`
      : Prisma.sql`b."eventTypeId" IN (SELECT et."id" FROM "EventType" et WHERE et."teamId" = ${subject.teamId})`;
  return Prisma.sql`
    SELECT b."status"::text AS status, c."state"::text AS "checkoutState", (a.attendees > 0 AND a.absent = a.attendees) AS "allAbsent", count(*)::int AS sessions
    FROM "Booking" b
    LEFT JOIN LATERAL (
      SELECT count(*) AS attendees, count(*) FILTER (WHERE at."noShow" IS TRUE) AS absent FROM "Attendee" at WHERE at."bookingId" = b."id"
    ) a ON true
    LEFT JOIN "App_SessionCheckout_Checkout" c ON c."bookingId" = b."id"
    WHERE ${scope}
      AND b."startTime" >= ((${subject.from}::date)::timestamp AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'
      AND b."startTime" < (((${subject.to}::date + 1))::timestamp AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'
    GROUP BY 1, 2, 3`;
}

function baseline(db: PrismaClient, subject: Subject) {
  return db.$queryRaw<BaselineRow[]>(baselineSql(subject));
}

/** The baseline's groups in the report's terms (the status rule of lib/status.ts), to check both read the same sessions. */
function baselineTotals(rows: ReadonlyArray<BaselineRow>) {
  const totals = { completed: 0, noShow: 0, cancelled: 0, pending: 0, confirmed: 0, sessions: 0 };
  for (const row of rows) {
    totals.sessions += row.sessions;
    if (row.status === "pending" || row.status === "awaiting_host") totals.pending += row.sessions;
    else if (row.status === "cancelled" || row.status === "rejected") totals.cancelled += row.sessions;
    else if (row.allAbsent) totals.noShow += row.sessions;
    else if (row.checkoutState === "ACTIVE") totals.completed += row.sessions;
    else totals.confirmed += row.sessions;
  }
  return totals;
}

type AppReport = Awaited<ReturnType<typeof appReport>>;

function sameSessions(report: AppReport, rows: ReadonlyArray<BaselineRow>): boolean {
  const expected = baselineTotals(rows);
  const t = report.totals;
  return (
    t.completed === expected.completed &&
    t.noShow === expected.noShow &&
    t.cancelled === expected.cancelled &&
    t.pending === expected.pending &&
    t.awaitingCheckout + t.upcoming === expected.confirmed
  );
}

async function measureCase(db: PrismaClient, kind: "host" | "team", today: Date) {
  const all = await subjects(db, kind, RUNS + WARM_UP_RUNS, today);
  const warmUp = all.slice(RUNS);
  const measured = all.slice(0, RUNS);
  for (const subject of warmUp) {
    await appReport(db, subject);
    await baseline(db, subject);
  }
  const appMs: number[] = [];
  const baselineMs: number[] = [];
  const sessions: number[] = [];
  const mismatches: Array<{ callerId: number; teamId?: number }> = [];
  let example: { subject: Subject; totals: AppReport["totals"]; eventTypes: number; members: number; weeks: number } | null = null;
  for (const [i, subject] of measured.entries()) {
    // Alternating which goes first, so neither always finds the other's pages in the cache.
    const runApp = () => timed(() => appReport(db, subject));
    const runBaseline = () => timed(() => baseline(db, subject));
    let app: Awaited<ReturnType<typeof runApp>>;
    let base: Awaited<ReturnType<typeof runBaseline>>;
    if (i % 2 === 0) {
      app = await runApp();
      base = await runBaseline();
    } else {
      base = await runBaseline();
      app = await runApp();
    }
    appMs.push(app.ms);
    baselineMs.push(base.ms);
    sessions.push(baselineTotals(base.result).sessions);
    if (!sameSessions(app.result, base.result)) mismatches.push({ callerId: subject.caller.id, ...(subject.teamId !== undefined ? { teamId: subject.teamId } : {}) });
    example ??= { subject, totals: app.result.totals, eventTypes: app.result.eventTypes.length, members: app.result.members.length, weeks: app.result.series.length };
  }
  const app = summary(appMs);
  const base = summary(baselineMs);
  const ratios = appMs.map((ms, i) => ms / baselineMs[i]!);
  return {
    runs: RUNS,
    distinctSubjects: new Set(measured.map((s) => (kind === "host" ? s.caller.id : s.teamId))).size,
    sessionsPerReport: { p50: percentile(sessions, 50), min: Math.min(...sessions), max: Math.max(...sessions) },
    appMs: app,
    baselineMs: base,
    ratioP50: round(app.p50 / base.p50, 2),
    ratioPerRun: { p50: round(percentile(ratios, 50), 2), p95: round(percentile(ratios, 95), 2) },
    targetP50Ms: kind === "host" ? TARGETS.hostYearP50Ms : TARGETS.teamYearP50Ms,
    targetRatio: TARGETS.ratio,
    checkedEqual: mismatches.length === 0,
    mismatches,
    example,
    subjects: measured.map((s) => ({ callerId: s.caller.id, timeZone: s.caller.timeZone, from: s.from, to: s.to, ...(s.teamId !== undefined ? { teamId: s.teamId } : {}) })),
  };
}

// ---------------------------------------------------------------------------------------------
// What the app sends: statements captured from the client's query log, their times and plans.
// ---------------------------------------------------------------------------------------------

interface CapturedQuery {
  sql: string;
  params: unknown[];
  durationMs: number;
}

/** createPrismaClient's pool and adapter, with the client's query events on. */
function loggingClient(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10, allowExitOnIdle: true }), log: [{ emit: "event", level: "query" }] });
}

function statementKind(sql: string): string {
  if (sql.includes("WITH sessions AS")) {
    if (sql.includes(`GROUPING(s.bucket)`)) return "report: counts, ratings and money (one statement)";
    if (sql.includes(`"App_SessionCheckout_Survey"`)) return "report: ratings";
    if (sql.includes(`"Payment"`)) return "report: money";
  }
  if (sql.includes(`"Credential"`)) return "installed check";
  if (sql.includes(`"Membership"`)) return "team scope (membership)";
  if (sql.includes(`FROM "public"."Team"`)) return "team scope (team name)";
  if (sql.includes(`FROM "public"."EventType"`)) return "event type titles";
  if (sql.includes(`FROM "public"."users"`)) return "member names";
  return sql.trim().slice(0, 40);
}

/** The statements one app call sends, with their times in the driver (the three report statements run side by side). */
async function captureApp(db: PrismaClient, captured: CapturedQuery[], subject: Subject) {
  captured.length = 0;
  const { ms } = await timed(() => appReport(db, subject));
  return { ms, statements: captured.map((q) => ({ kind: statementKind(q.sql), ms: q.durationMs, sql: q.sql, params: q.params })) };
}

async function attribute(url: string, hostSubjects: Subject[], teamSubjects: Subject[]) {
  const db = loggingClient(url);
  const captured: CapturedQuery[] = [];
  db.$on("query", (event) => {
    captured.push({ sql: event.query, params: JSON.parse(event.params) as unknown[], durationMs: event.duration });
  });
  try {
    const perCase = async (list: Subject[]) => {
      const byKind = new Map<string, number[]>();
      const calls: number[] = [];
      let first: Awaited<ReturnType<typeof captureApp>> | null = null;
      for (const subject of list) {
        const call = await captureApp(db, captured, subject);
        first ??= call;
        calls.push(call.ms);
        for (const s of call.statements) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.ms]);
      }
      return {
        callMsP50: round(percentile(calls, 50), 1),
        statementMsP50: Object.fromEntries([...byKind.entries()].map(([kind, values]) => [kind, round(percentile(values, 50), 1)])),
        firstCall: first!,
      };
    };
    // A warm-up call, then each case on its first subjects.
    await captureApp(db, captured, hostSubjects[hostSubjects.length - 1]!);
    return { host: await perCase(hostSubjects), team: await perCase(teamSubjects) };
  } finally {
    await db.$disconnect();
  }
}

/** On a fresh connection whose catalog caches a plain EXPLAIN has warmed first (a pooled connection's are), so the planning time is the app's. */
async function explain(url: string, sql: string, params: unknown[]): Promise<{ plan: string; executionMsTimingOff: number }> {
  return withClient(url, async (client) => {
    await client.query(`EXPLAIN ${sql}`, params);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    // Per-node timing costs a clock read per row and loop on this machine: the execution time without it, median of 5.
    const untimed: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { rows: summary } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) ${sql}`, params);
      untimed.push(Number(/Execution Time: ([\d.]+) ms/.exec(summary.map((row) => row["QUERY PLAN"]).join("\n"))?.[1] ?? NaN));
    }
    return { plan: rows.map((row) => row["QUERY PLAN"]).join("\n"), executionMsTimingOff: round(percentile(untimed, 50), 2) };
  });
}

/** Whatever EXPLAIN says about one plan that matters here: which Booking indexes, the rows the scan returns, the time, JIT. */
function planFacts(plan: string) {
  const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
  const planningMs = Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
  const bookingIndexes = [...new Set([...plan.matchAll(/(?:Index|Index Only|Bitmap Index) Scan (?:Backward )?(?:using|on) "?(Booking_\w+)"?/g)].map((m) => m[1]!))];
  const jit = /JIT:[\s\S]*?Timing: Generation ([\d.]+) ms, Inlining ([\d.]+) ms, Optimization ([\d.]+) ms, Emission ([\d.]+) ms, Total ([\d.]+) ms/.exec(plan);
  const seqScans = [...new Set([...plan.matchAll(/Seq Scan on "?(\w+)"?/g)].map((m) => m[1]!))];
  return { executionMs, planningMs, bookingIndexes, seqScans, jitMs: jit ? Number(jit[5]) : 0 };
}

async function explainCase(url: string, call: Awaited<ReturnType<typeof captureApp>>, subject: Subject) {
  const explained: Record<string, Awaited<ReturnType<typeof explain>>> = {};
  for (const statement of call.statements.filter((s) => s.kind.startsWith("report:"))) explained[statement.kind] = await explain(url, statement.sql, statement.params);
  const base = baselineSql(subject);
  explained["baseline"] = await explain(url, base.text, base.values);
  const plans = Object.fromEntries(Object.entries(explained).map(([kind, e]) => [kind, e.plan]));
  const facts = Object.fromEntries(Object.entries(explained).map(([kind, e]) => [kind, { ...planFacts(e.plan), executionMsTimingOff: e.executionMsTimingOff }]));
  return { plans, facts };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  // Today, to the hour: the data runs up to two weeks after it, the reports cover the year up to it.
  await withMillionBookings("reports", async ({ url, today, load }) => {
    const data = load.result;
    console.log(`  steps (ms): ${JSON.stringify(data.stepMs)}`);
    console.log("  mix (state: bookings, share %, attendees, on a team event type):");
    for (const row of data.mix) console.log(`    ${row.state.padEnd(10)} ${String(row.bookings).padStart(8)} ${row.share.toFixed(2).padStart(6)} % ${String(row.attendees).padStart(8)} ${String(row.teamEventType).padStart(8)}`);

    const server = await withClient(url, async (client) =>
      (await client.query<Record<string, string>>(`SELECT current_setting('server_version') AS version, current_setting('jit') AS jit, current_setting('jit_above_cost') AS "jitAboveCost", current_setting('shared_buffers') AS "sharedBuffers", current_setting('work_mem') AS "workMem", current_setting('max_parallel_workers_per_gather') AS "parallelWorkersPerGather"`)).rows[0]!,
    );

    const db = createPrismaClient({ databaseUrl: url });
    let cases;
    // The machine is shared: its load average (1, 5, 15 min) before and after the measured runs.
    let loadBefore: number[] = [];
    let loadAfter: number[] = [];
    let hostSubjects: Subject[];
    let teamSubjects: Subject[];
    try {
      loadBefore = loadavg().map((l) => round(l, 2));
      console.log(`\n(a) One host, the last year (tRPC reports, week by week), ${RUNS} runs on different hosts, each beside its baseline …`);
      const hostYear = await measureCase(db, "host", today);
      console.log(`(b) One team of ${TEAM_SIZE}, the last year, as its admin, ${RUNS} runs …`);
      const teamYear = await measureCase(db, "team", today);
      cases = { hostYear, teamYear };
      loadAfter = loadavg().map((l) => round(l, 2));
      hostSubjects = await subjects(db, "host", 5, today);
      teamSubjects = await subjects(db, "team", 5, today);
    } finally {
      await db.$disconnect();
    }

    console.log("Statement times and plans …");
    const attribution = await attribute(url, hostSubjects, teamSubjects);
    const hostPlans = await explainCase(url, attribution.host.firstCall, hostSubjects[0]!);
    const teamPlans = await explainCase(url, attribution.team.firstCall, teamSubjects[0]!);
    const indexes = {
      hostReadsUserIdStartTime: Object.entries(hostPlans.facts)
        .filter(([kind]) => kind.startsWith("report:"))
        .every(([, facts]) => facts.bookingIndexes.includes("Booking_userId_startTime_id_idx")),
      teamReadsEventTypeIdStartTime: Object.entries(teamPlans.facts)
        .filter(([kind]) => kind.startsWith("report:"))
        .every(([, facts]) => facts.bookingIndexes.includes("Booking_eventTypeId_startTime_idx")),
    };
    const stripSql = (a: typeof attribution.host) => ({
      callMsP50: a.callMsP50,
      statementMsP50: a.statementMsP50,
      firstCall: { ms: round(a.firstCall.ms, 1), statements: a.firstCall.statements.map((s) => ({ kind: s.kind, ms: s.ms })) },
    });

    const report = {
      server,
      loadAverage: { cores: availableParallelism(), before: loadBefore, after: loadAfter },
      data: {
        hosts: HOSTS,
        teams: TEAMS,
        teamSize: TEAM_SIZE,
        bookingsPerHost: BOOKINGS_PER_HOST,
        span: { from: new Date(today.getTime() - DAYS_BACK * DAY_MS).toISOString(), to: new Date(today.getTime() + DAYS_AHEAD * DAY_MS).toISOString() },
        totals: data.totals,
        mix: data.mix,
        loadMs: data.stepMs,
        loadTotalMs: round(load.ms, 0),
      },
      cases,
      statements: { host: stripSql(attribution.host), team: stripSql(attribution.team) },
      plans: {
        host: { subject: { callerId: hostSubjects[0]!.caller.id, from: hostSubjects[0]!.from, to: hostSubjects[0]!.to }, facts: hostPlans.facts, text: hostPlans.plans },
        team: { subject: { callerId: teamSubjects[0]!.caller.id, teamId: teamSubjects[0]!.teamId, from: teamSubjects[0]!.from, to: teamSubjects[0]!.to }, facts: teamPlans.facts, text: teamPlans.plans },
      },
      indexes,
      totalRuntimeS: round((performance.now() - started) / 1000, 0),
    };
    const out = join(import.meta.dirname, "..", "..", "test-results", "bench");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "reports.json"), `${JSON.stringify(report, null, 2)}\n`);
    const planText = (["host", "team"] as const)
      .flatMap((scope) => Object.entries(report.plans[scope].text).map(([kind, plan]) => `=== ${scope} (${JSON.stringify(report.plans[scope].subject)}): ${kind}\n${plan}\n`))
      .join("\n");
    writeFileSync(join(out, "reports-plans.txt"), planText);

    console.log(`\n${planText.replace(/^/gm, "  ")}`);
    const ms = (value: number) => `${value.toLocaleString("en", { maximumFractionDigits: 1 })} ms`;
    console.log(`Reports, ${HOSTS.toLocaleString("en")} hosts in ${TEAMS} teams, ${data.totals.bookings!.toLocaleString("en")} bookings (PostgreSQL ${server.version}, jit ${server.jit} above cost ${server.jitAboveCost}, shared_buffers ${server.sharedBuffers}, work_mem ${server.workMem}):`);
    for (const [label, c] of [["(a) host / year", cases.hostYear], ["(b) team / year", cases.teamYear]] as const) {
      console.log(
        `  ${label}: sessions per report p50 ${c.sessionsPerReport.p50} (${c.sessionsPerReport.min}–${c.sessionsPerReport.max}), ${c.runs} runs, ${c.distinctSubjects} distinct\n` +
          `      app (tRPC reports)   p50 ${ms(c.appMs.p50).padStart(10)}   p95 ${ms(c.appMs.p95).padStart(10)}   target p50 ≤ ${c.targetP50Ms} ms: ${c.appMs.p50 <= c.targetP50Ms ? "met" : "MISSED"}\n` +
          `      baseline (one GROUP BY) p50 ${ms(c.baselineMs.p50).padStart(10)}   p95 ${ms(c.baselineMs.p95).padStart(10)}\n` +
          `      ratio app / baseline (p50s) ${c.ratioP50}, per run p50 ${c.ratioPerRun.p50} p95 ${c.ratioPerRun.p95}   target ≤ ${c.targetRatio}: ${c.ratioP50 <= c.targetRatio ? "met" : "MISSED"}; totals equal to the baseline's: ${c.checkedEqual ? "yes" : `NO (${c.mismatches.length})`}`,
      );
    }
    for (const scope of ["host", "team"] as const) {
      const s = report.statements[scope];
      console.log(`  ${scope}: statement times in the driver, p50 of ${scope === "host" ? hostSubjects.length : teamSubjects.length} calls (the three report statements run side by side; call p50 ${ms(s.callMsP50)}): ${JSON.stringify(s.statementMsP50)}`);
      for (const [kind, facts] of Object.entries(report.plans[scope].facts))
        console.log(`    plan ${kind.padEnd(16)} execution ${ms(facts.executionMs).padStart(9)} (${ms(facts.executionMsTimingOff)} without per-node timing), planning ${ms(facts.planningMs)}, JIT ${ms(facts.jitMs)}, Booking indexes ${facts.bookingIndexes.join(", ") || "none"}, seq scans ${facts.seqScans.join(", ") || "none"}`);
    }
    console.log(`  load average (1/5/15 min) on ${report.loadAverage.cores} cores: ${loadBefore.join(" / ")} before the runs, ${loadAfter.join(" / ")} after`);
    console.log(`  indexes: host statements read Booking_userId_startTime_id_idx: ${indexes.hostReadsUserIdStartTime ? "yes" : "NO"}; team statements read Booking_eventTypeId_startTime_idx: ${indexes.teamReadsEventTypeIdStartTime ? "yes" : "NO"}`);
    console.log(`\nTotal ${report.totalRuntimeS} s. Figures written to test-results/bench/reports.json, plans to test-results/bench/reports-plans.txt.`);
  });
}

await main();
