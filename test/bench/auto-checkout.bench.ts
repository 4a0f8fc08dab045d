/*
 * Auto-checkout at scale, against baselines measured in the same run:
 *   idle pass: one scheduler pass over 1,000,000 bookings with nothing due (target ≤ 50 ms, served
 *     by the index Booking(userId, status, endTime); the plan is printed) vs a `SELECT 1` round trip
 *     and a primary-key lookup through the same client;
 *   catch-up: 100,000 sessions of 1,000 hosts falling due at once, checked out with their History
 *     entries and survey rows by the scheduler's pass (the app's path) vs a set-based SQL baseline
 *     doing the same writes on an identical copy of the database (target ≤ 3× the baseline).
 * Run with `npm run bench:auto-checkout`. Reports medians and ratios and asserts nothing: these
 * machines are shared and noisy, so the ratio is the figure to compare. BENCH_HOSTS scales the data
 * down for a quick smoke run (1,000 bookings and 100 due sessions per host either way).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { runSchedulerPass, type JobStep } from "@calcom/app-store/session-checkout/jobs/auto-checkout";
import { immediateStep } from "@calcom/app-store/session-checkout/jobs/immediate-step";
import { findDueSessions } from "@calcom/app-store/session-checkout/lib/services/due-sessions";
import { createPrismaClient, PrismaClient } from "@calcom/prisma";
import { PrismaPg } from "@prisma/adapter-pg";

import setupTemplate from "../support/global-setup";
import { databaseUrl, templateDatabaseName, withAdminClient } from "../support/postgres";
import { round, sqlTimestamp, timed, withClient } from "./bench-support";

const HOSTS = Number(process.env.BENCH_HOSTS ?? 1_000);
/** The limits the scheduler pass uses: the catch-up selects up to 100,000 at once, the look-ahead pages by 500. */
const CATCH_UP_LIMIT = 100_000;
const LOOK_AHEAD_PAGE = 500;
const IDLE_RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** Each host's 1,000 bookings, oldest first. */
const PER_HOST = { history: 550, handled: 250, due: 100, future: 100 } as const;
const BOOKINGS_PER_HOST = PER_HOST.history + PER_HOST.handled + PER_HOST.due + PER_HOST.future;
/** Delays in minutes, by host id modulo 10 (the allowed values, 1–2 h the most common). */
const DELAYS = [30, 60, 60, 120, 120, 120, 240, 480, 1440, 60] as const;
const ENABLED_DAYS_BEFORE_T = 28;
/** T: the moment the due sessions' due times lead up to (due at T − 0 … T − 99 min, one a minute per host). */
const T = new Date("2026-03-02T12:00:00.000Z");
const MINUTE_MS = 60_000;
/** (a): three hours before T, where neither the catch-up nor the 10-minute look-ahead finds anything. */
const IDLE_CLOCK = new Date(T.getTime() - 180 * MINUTE_MS);
/** (b): one minute after T, every one of the due sessions is due. */
const DUE_CLOCK = new Date(T.getTime() + MINUTE_MS);

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// ---------------------------------------------------------------------------------------------
// Data: every statement set-based (generate_series), on one connection.
// ---------------------------------------------------------------------------------------------

async function loadData(url: string) {
  const t = sqlTimestamp(T);
  const { history, handled, due } = PER_HOST;
  const steps: Array<[string, string, unknown[]?]> = [
    // The rows are consistent by construction; foreign-key triggers are off for the load only.
    ["load settings", "SET session_replication_role = replica; SELECT setseed(0.42)"],
    ["app", `INSERT INTO "App" ("slug", "dirName", "categories", "enabled", "updatedAt") VALUES ('session-checkout', 'session-checkout', ARRAY['other']::"AppCategories"[], true, now())`],
    ["hosts", `INSERT INTO "users" ("id", "uuid", "email", "name", "timeZone") SELECT h, gen_random_uuid(), 'host-' || h || '@bench.example', 'Host ' || h, 'Europe/London' FROM generate_series(1, $1::int) h`, [HOSTS]],
    ["installs", `INSERT INTO "Credential" ("type", "key", "userId", "appId") SELECT 'session-checkout_other', '{}'::jsonb, h, 'session-checkout' FROM generate_series(1, $1::int) h`, [HOSTS]],
    ["event types", `INSERT INTO "EventType" ("id", "title", "slug", "length", "price", "currency", "userId") SELECT h, 'Session', 'session', 50, 9000, 'eur', h FROM generate_series(1, $1::int) h`, [HOSTS]],
    [
      "settings",
      `INSERT INTO "App_SessionCheckout_Settings" ("userId", "autoCheckoutEnabled", "autoCheckoutDelayMinutes", "autoCheckoutEnabledAt", "autoCheckoutEndedAfter", "surveysEnabled", "createdAt", "updatedAt")
       SELECT h, true, d, e, e - make_interval(mins => d), true, e, e
       FROM (SELECT h, ($2::int[])[1 + h % 10] AS d, $3::timestamp - make_interval(days => $4::int, hours => h % 7) AS e FROM generate_series(1, $1::int) h) x`,
      [HOSTS, [...DELAYS], t, ENABLED_DAYS_BEFORE_T],
    ],
    // One row per booking to be: its host, kind, times and what has happened to it. Booking ids
    // follow end time across hosts, as a live table's creation order roughly would.
    [
      "plan",
      `CREATE TEMP TABLE plan AS
       SELECT row_number() OVER (ORDER BY end_time, host, j)::int AS id, *
       FROM (
         SELECT host, j, kind, delay, end_time, r1, r2, r3,
           CASE
             WHEN kind = 'history' THEN CASE WHEN r1 < 0.86 THEN 'accepted' WHEN r1 < 0.96 THEN 'cancelled' WHEN r1 < 0.98 THEN 'rejected' ELSE 'pending' END
             WHEN kind = 'handled' THEN CASE WHEN r1 < 0.89 THEN 'accepted' WHEN r1 < 0.97 THEN 'cancelled' ELSE 'pending' END
             WHEN kind = 'due' THEN 'accepted'
             ELSE CASE WHEN r1 < 0.90 THEN 'accepted' WHEN r1 < 0.97 THEN 'pending' ELSE 'cancelled' END
           END::"BookingStatus" AS status,
           CASE WHEN r2 < 0.85 THEN 1 WHEN r2 < 0.95 THEN 2 ELSE 3 END AS attendees,
           CASE
             WHEN kind = 'handled' AND r1 >= 0.84 AND r1 < 0.89 THEN 'all'
             WHEN kind = 'history' AND r3 < 0.03 THEN 'all'
             WHEN kind = 'due' AND r2 >= 0.85 AND r3 < 0.30 THEN 'partial'
             ELSE 'none'
           END AS noshow,
           CASE WHEN kind <> 'handled' THEN 'none' WHEN r1 < 0.70 THEN 'auto' WHEN r1 < 0.82 THEN 'manual' WHEN r1 < 0.84 THEN 'undone' ELSE 'none' END AS checkout
         FROM (
           SELECT host, j, kind, delay, r1, r2, r3,
             CASE kind
               -- about every 11 hours back from the line, for some 36 weeks
               WHEN 'history' THEN line - make_interval(mins => j * 660 + (r3 * 600)::int)
               -- evenly from an hour after the line to two days before T (every one was due before T − 1 day)
               WHEN 'handled' THEN line + interval '1 hour' + ($1::timestamp - interval '2 days' - line - interval '1 hour') * ((j - $2::int - 1) / $3::float8)
               -- due at T, T − 1 min, …, T − 99 min
               WHEN 'due' THEN $1::timestamp - make_interval(mins => (j - $2::int - $3::int - 1) + delay)
               -- from an hour after T, every 200 minutes (some two weeks)
               ELSE $1::timestamp + interval '1 hour' + make_interval(mins => (j - $2::int - $3::int - $4::int - 1) * 200)
             END AS end_time
           FROM (
             SELECT s."userId" AS host, j, s."autoCheckoutDelayMinutes" AS delay, s."autoCheckoutEndedAfter" AS line, random() AS r1, random() AS r2, random() AS r3,
               CASE WHEN j <= $2::int THEN 'history' WHEN j <= $2::int + $3::int THEN 'handled' WHEN j <= $2::int + $3::int + $4::int THEN 'due' ELSE 'future' END AS kind
             FROM "App_SessionCheckout_Settings" s CROSS JOIN generate_series(1, $5::int) j
           ) slots
         ) timed
       ) planned`,
      [t, history, handled, due, BOOKINGS_PER_HOST],
    ],
    [
      "bookings",
      `INSERT INTO "Booking" ("id", "uid", "userId", "eventTypeId", "title", "startTime", "endTime", "createdAt", "updatedAt", "status")
       SELECT id, 'bench-' || id, host, host, 'Session', end_time - interval '50 minutes', end_time, end_time - interval '10 days', end_time - interval '10 days', status FROM plan ORDER BY id`,
    ],
    // Clients: 60 per host, one in five with a mixed-case address (surveys store them lower-cased).
    [
      "attendees",
      `INSERT INTO "Attendee" ("email", "name", "timeZone", "bookingId", "noShow")
       SELECT CASE WHEN c % 5 = 0 THEN 'Client.' || p.host || '.' || c || '@Clients.Example' ELSE 'client.' || p.host || '.' || c || '@clients.example' END,
              'Client ' || p.host || '-' || c, 'Europe/London', p.id,
              CASE p.noshow WHEN 'all' THEN true WHEN 'partial' THEN n = 1 ELSE CASE WHEN p.kind = 'history' AND (p.id + n) % 20 = 0 THEN NULL ELSE false END END
       FROM plan p CROSS JOIN LATERAL generate_series(0, p.attendees - 1) n CROSS JOIN LATERAL (SELECT (p.j * 7 + n) % 60 AS c) client
       ORDER BY p.id, n`,
    ],
    [
      "checkouts",
      `INSERT INTO "App_SessionCheckout_Checkout" ("bookingId", "state", "method", "checkedOutAt", "checkedOutById", "undoneAt", "undoneById")
       SELECT id,
              CASE checkout WHEN 'undone' THEN 'UNDONE' ELSE 'ACTIVE' END::"App_SessionCheckout_CheckoutState",
              CASE checkout WHEN 'auto' THEN 'AUTO' ELSE 'MANUAL' END::"App_SessionCheckout_Method",
              CASE checkout WHEN 'auto' THEN end_time + make_interval(mins => delay) ELSE end_time + interval '10 minutes' END,
              CASE WHEN checkout = 'auto' THEN NULL ELSE host END,
              CASE WHEN checkout = 'undone' THEN end_time + interval '1 hour' END,
              CASE WHEN checkout = 'undone' THEN host END
       FROM plan WHERE checkout <> 'none' ORDER BY id`,
    ],
    [
      "surveys",
      `INSERT INTO "App_SessionCheckout_Survey" ("bookingId", "attendeeEmail", "attendeeName", "status", "attempts", "nextAttemptAt", "queuedAt", "sentAt", "answeredAt", "rating")
       SELECT a."bookingId", lower(a."email"), a."name",
              CASE WHEN a."id" % 3 = 0 THEN 'ANSWERED' ELSE 'SENT' END::"App_SessionCheckout_SurveyStatus", 1,
              c."checkedOutAt", c."checkedOutAt", c."checkedOutAt" + interval '1 minute',
              CASE WHEN a."id" % 3 = 0 THEN c."checkedOutAt" + interval '1 day' END,
              CASE WHEN a."id" % 3 = 0 THEN 1 + a."id" % 5 END
       FROM "App_SessionCheckout_Checkout" c JOIN "Attendee" a ON a."bookingId" = c."bookingId"
       WHERE c."state" = 'ACTIVE' AND a."noShow" IS NOT TRUE ORDER BY a."bookingId", a."id"`,
    ],
    [
      "history entries",
      `INSERT INTO "App_SessionCheckout_AuditEntry" ("bookingId", "action", "actorType", "actorUserId", "source", "details", "createdAt")
       SELECT "bookingId", action::"App_SessionCheckout_AuditAction", "actorType"::"App_SessionCheckout_ActorType", "actorUserId", source::"App_SessionCheckout_AuditSource", details, at
       FROM (
         SELECT c."bookingId", 'CHECKED_OUT' AS action,
                CASE WHEN c."method" = 'AUTO' THEN 'AUTO_CHECKOUT' ELSE 'USER' END AS "actorType", c."checkedOutById" AS "actorUserId", c."method"::text AS source,
                jsonb_build_object('from', 'CONFIRMED', 'to', 'COMPLETED', 'surveysQueued', (SELECT count(*) FROM "App_SessionCheckout_Survey" s WHERE s."bookingId" = c."bookingId")) AS details,
                c."checkedOutAt" AS at
         FROM "App_SessionCheckout_Checkout" c
         UNION ALL
         SELECT c."bookingId", 'CHECKOUT_UNDONE', 'USER', c."undoneById", 'MANUAL', jsonb_build_object('from', 'COMPLETED', 'to', 'CONFIRMED'), c."undoneAt"
         FROM "App_SessionCheckout_Checkout" c WHERE c."state" = 'UNDONE'
         UNION ALL
         SELECT p.id, 'NO_SHOW_MARKED', 'USER', p.host, 'MANUAL', jsonb_build_object('from', 'CONFIRMED', 'to', 'NO_SHOW'), p.end_time + interval '15 minutes'
         FROM plan p WHERE p.kind = 'handled' AND p.noshow = 'all'
         UNION ALL
         SELECT s."bookingId", 'SURVEY_SENT', 'SYSTEM', NULL, 'SURVEY_DELIVERY', jsonb_build_object('attendeeEmail', s."attendeeEmail"), s."sentAt"
         FROM "App_SessionCheckout_Survey" s
       ) entries ORDER BY at`,
    ],
    [
      "sequences",
      `SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max("id") FROM "users")),
              setval(pg_get_serial_sequence('"EventType"', 'id'), (SELECT max("id") FROM "EventType")),
              setval(pg_get_serial_sequence('"Booking"', 'id'), (SELECT max("id") FROM "Booking"))`,
    ],
  ];
  return withClient(url, async (client) => {
    const stepMs: Record<string, number> = {};
    for (const [label, sql, params] of steps) stepMs[label] = round((await timed(() => client.query(sql, params))).ms, 0);
    const { rows: mix } = await client.query<{ kind: string; state: string; bookings: number; attendees: number }>(
      `SELECT kind,
              CASE WHEN checkout = 'auto' THEN 'checked out (auto)' WHEN checkout = 'manual' THEN 'checked out (by hand)' WHEN checkout = 'undone' THEN 'checkout undone'
                   WHEN noshow = 'all' AND status = 'accepted' THEN 'No Show' WHEN noshow = 'partial' THEN 'accepted, one attendee no-show'
                   ELSE status::text END AS state,
              count(*)::int AS bookings, sum(attendees)::int AS attendees
       FROM plan GROUP BY 1, 2 ORDER BY array_position(ARRAY['history', 'handled', 'due', 'future'], kind), 3 DESC`,
    );
    await client.query("DROP TABLE plan; RESET session_replication_role");
    // What autovacuum would have done to a live table: statistics and the visibility map.
    stepMs["vacuum analyze"] = round((await timed(() => client.query("VACUUM (ANALYZE)"))).ms, 0);
    await client.query("CHECKPOINT");
    const { rows: totals } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM "users")::int AS hosts, (SELECT count(*) FROM "Booking")::int AS bookings, (SELECT count(*) FROM "Attendee")::int AS attendees,
              (SELECT count(*) FROM "App_SessionCheckout_Checkout")::int AS checkouts, (SELECT count(*) FROM "App_SessionCheckout_Survey")::int AS surveys,
              (SELECT count(*) FROM "App_SessionCheckout_AuditEntry")::int AS "historyEntries",
              (pg_database_size(current_database()) / 1048576)::int AS "databaseMb"`,
    );
    return { stepMs, mix, totals: totals[0]! };
  });
}

// ---------------------------------------------------------------------------------------------
// (a) A scheduler pass with nothing due.
// ---------------------------------------------------------------------------------------------

interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/** The SQL a piece of the app's code sends, as the client logs it (text and parameters). */
async function captureQueries(url: string, work: (db: PrismaClient) => Promise<unknown>): Promise<CapturedQuery[]> {
  const db = loggingClient(url);
  const captured: CapturedQuery[] = [];
  // The app's SELECTs only (not BEGIN, SET LOCAL jit = off or COMMIT around them).
  db.$on("query", (event) => {
    if (/^\s*SELECT/i.test(event.query)) captured.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  try {
    await work(db);
  } finally {
    await db.$disconnect();
  }
  return captured;
}

/** createPrismaClient's pool and adapter, with the client's query events on (for the EXPLAIN and the attribution below). */
function loggingClient(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10, allowExitOnIdle: true }), log: [{ emit: "event", level: "query" }] });
}

async function explain(url: string, query: CapturedQuery): Promise<string> {
  return withClient(url, async (client) => {
    // As the app runs it: JIT off for this transaction.
    await client.query("BEGIN");
    await client.query("SET LOCAL jit = off");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params);
    await client.query("ROLLBACK");
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}

async function measureIdlePass(url: string) {
  const db = createPrismaClient({ databaseUrl: url });
  const samples = { pass: [] as number[], catchUpQuery: [] as number[], lookAheadQuery: [] as number[], selectOne: [] as number[], primaryKeyLookup: [] as number[] };
  const clock = () => IDLE_CLOCK;
  const lookAheadEnd = new Date(IDLE_CLOCK.getTime() + 10 * MINUTE_MS);
  let someBookingId = 1;
  let firstPassMs = 0;
  try {
    const summaries = [];
    // The first pass reads every session since the hosts switched auto-checkout on (28 days) and
    // moves their lines up; every later pass reads only what fell due since the one before.
    const first = await timed(() => runSchedulerPass({ db, step: immediateStep, clock }));
    firstPassMs = first.ms;
    summaries.push(first.result);
    // Warm-up (connections, the client's query compiler, caches), then interleaved samples.
    for (let i = 0; i < 3; i++) {
      summaries.push(await runSchedulerPass({ db, step: immediateStep, clock }));
      await db.$queryRaw`SELECT 1`;
      await findDueSessions(db, { dueBy: IDLE_CLOCK, limit: CATCH_UP_LIMIT });
      await findDueSessions(db, { dueAfter: IDLE_CLOCK, dueBy: lookAheadEnd, limit: LOOK_AHEAD_PAGE });
      await db.booking.findUnique({ where: { id: someBookingId }, select: { id: true, status: true, endTime: true } });
    }
    for (let run = 0; run < IDLE_RUNS; run++) {
      someBookingId = 1 + ((run * 7919) % (HOSTS * BOOKINGS_PER_HOST));
      const pass = await timed(() => runSchedulerPass({ db, step: immediateStep, clock }));
      samples.pass.push(pass.ms);
      summaries.push(pass.result);
      samples.catchUpQuery.push((await timed(() => findDueSessions(db, { dueBy: IDLE_CLOCK, limit: CATCH_UP_LIMIT }))).ms);
      samples.lookAheadQuery.push((await timed(() => findDueSessions(db, { dueAfter: IDLE_CLOCK, dueBy: lookAheadEnd, limit: LOOK_AHEAD_PAGE }))).ms);
      samples.selectOne.push((await timed(() => db.$queryRaw`SELECT 1`)).ms);
      samples.primaryKeyLookup.push((await timed(() => db.booking.findUnique({ where: { id: someBookingId }, select: { id: true, status: true, endTime: true } }))).ms);
    }
    const busy = summaries.filter((s) => s.checkedOut + s.skipped + s.failed.length + s.scheduled > 0);
    if (busy.length > 0) throw new Error(`The idle pass found work: ${JSON.stringify(busy[0])}`);
  } finally {
    await db.$disconnect();
  }
  const [catchUp, lookAhead] = await captureQueries(url, async (db) => {
    await findDueSessions(db, { dueBy: IDLE_CLOCK, limit: CATCH_UP_LIMIT });
    await findDueSessions(db, { dueAfter: IDLE_CLOCK, dueBy: lookAheadEnd, limit: LOOK_AHEAD_PAGE });
  });
  const plans = { catchUp: await explain(url, catchUp!), lookAhead: await explain(url, lookAhead!) };
  const medianMs = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, round(median(values), 2)])) as Record<keyof typeof samples, number>;
  return {
    runs: IDLE_RUNS,
    clock: IDLE_CLOCK.toISOString(),
    firstPassMs: round(firstPassMs, 1),
    medianMs,
    minMs: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, round(Math.min(...values), 2)])),
    ratios: {
      passOverSelectOne: round(medianMs.pass / medianMs.selectOne, 2),
      passOverPrimaryKeyLookup: round(medianMs.pass / medianMs.primaryKeyLookup, 2),
      catchUpQueryOverSelectOne: round(medianMs.catchUpQuery / medianMs.selectOne, 2),
    },
    targetMs: 50,
    indexUsed: plans.catchUp.includes("Booking_userId_status_endTime_idx"),
    plans,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Checking out the 100,000: the app's pass vs a set-based baseline.
// ---------------------------------------------------------------------------------------------

/**
 * The same writes as the app's catch-up, set-based, in one transaction: the due sessions (the
 * scheduler's due rule, lib/services/due-sessions.ts, without its order and limit), their
 * checkouts, a survey for every attendee not marked no-show, one History entry each.
 */
const BASELINE_STATEMENTS: Array<[string, string]> = [
  ["begin", "BEGIN"],
  [
    "due sessions",
    `CREATE TEMP TABLE due ON COMMIT DROP AS
     SELECT b."id" AS "bookingId"
     FROM "App_SessionCheckout_Settings" s
     JOIN "Booking" b ON b."userId" = s."userId"
     WHERE EXISTS (SELECT 1 FROM "Credential" cr WHERE cr."userId" = s."userId" AND cr."appId" = 'session-checkout')
       AND s."autoCheckoutEnabled" AND s."autoCheckoutEndedAfter" IS NOT NULL
       AND b."endTime" > s."autoCheckoutEndedAfter"
       AND b."endTime" <= $1::timestamp - make_interval(mins => s."autoCheckoutDelayMinutes")
       AND b."status" = 'accepted'
       AND NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = b."id")
       AND (EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id" AND a."noShow" IS NOT TRUE)
            OR NOT EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id"))`,
  ],
  [
    "checkouts",
    `INSERT INTO "App_SessionCheckout_Checkout" ("bookingId", "state", "method", "checkedOutAt", "checkedOutById")
     SELECT "bookingId", 'ACTIVE', 'AUTO', $1::timestamp, NULL FROM due ORDER BY "bookingId"`,
  ],
  [
    "surveys + history entries",
    `WITH queued AS (
       INSERT INTO "App_SessionCheckout_Survey" ("bookingId", "attendeeEmail", "attendeeName")
       SELECT a."bookingId", lower(btrim(a."email")), a."name"
       FROM due JOIN "Attendee" a ON a."bookingId" = due."bookingId"
       WHERE a."noShow" IS NOT TRUE ORDER BY a."bookingId", a."id"
       ON CONFLICT ("bookingId", "attendeeEmail") DO NOTHING
       RETURNING "bookingId"
     ), counts AS (SELECT "bookingId", count(*) AS n FROM queued GROUP BY 1)
     INSERT INTO "App_SessionCheckout_AuditEntry" ("bookingId", "action", "actorType", "actorUserId", "source", "details", "createdAt")
     SELECT due."bookingId", 'CHECKED_OUT', 'AUTO_CHECKOUT', NULL, 'AUTO',
            jsonb_build_object('from', 'CONFIRMED', 'to', 'COMPLETED', 'surveysQueued', coalesce(counts.n, 0)), $1::timestamp
     FROM due LEFT JOIN counts USING ("bookingId") ORDER BY due."bookingId"`,
  ],
  ["commit", "COMMIT"],
];

async function runBaseline(url: string) {
  return withClient(url, async (client) => {
    await client.query("SELECT 1");
    const statementMs: Record<string, number> = {};
    const total = await timed(async () => {
      for (const [label, sql] of BASELINE_STATEMENTS) {
        const params = sql.includes("$1") ? [sqlTimestamp(DUE_CLOCK)] : [];
        statementMs[label] = round((await timed(() => client.query(sql, params))).ms, 0);
      }
    });
    return { ms: total.ms, statementMs };
  });
}

/** A short name for a statement the client sent, for the attribution table. */
function statementKind(sql: string): string {
  const text = sql.trim();
  if (text.includes(`FROM "App_SessionCheckout_Settings" s`) && text.includes(`JOIN "Booking" b`)) return "due-sessions query";
  const verb = /^\w+/.exec(text)?.[0]?.toUpperCase() ?? "?";
  const table = /(?:FROM|INTO|UPDATE)\s+(?:"public"\.)?"(\w+)"/i.exec(text)?.[1];
  return [verb, table, /FOR UPDATE/i.test(text) ? "FOR UPDATE" : ""].filter(Boolean).join(" ");
}

interface LoggedStatement {
  step: string;
  kind: string;
  /** Time in the driver: statement sent to result read. */
  ms: number;
  /** Time on the client since the step began or the previous statement ended (building the statement, the app's JS). */
  clientMsBefore: number;
}

async function runAppPath(url: string) {
  const db = loggingClient(url);
  let current = { id: "setup", lastEnd: performance.now() };
  const statements: LoggedStatement[] = [];
  db.$on("query", (event) => {
    const end = performance.now();
    const start = end - event.duration;
    // The client may send a query's relation reads side by side: overlapping time counts once.
    statements.push({ step: current.id, kind: statementKind(event.query), ms: event.duration, clientMsBefore: Math.max(0, start - current.lastEnd) });
    current.lastEnd = Math.max(current.lastEnd, end);
  });
  const steps: Array<{ id: string; ms: number; clientMsAfter: number }> = [];
  // immediateStep, with each step's wall time noted.
  const step: JobStep = {
    run: async <R>(id: string, work: () => Promise<R>) => {
      current = { id, lastEnd: performance.now() };
      const { ms, result } = await timed(() => immediateStep.run(id, work));
      steps.push({ id, ms, clientMsAfter: performance.now() - current.lastEnd });
      return result;
    },
    sleepUntil: (id, until) => immediateStep.sleepUntil(id, until),
    sendEvent: (id, events) => immediateStep.sendEvent(id, events),
  };
  try {
    await db.$queryRaw`SELECT 1`;
    const pass = await timed(() => runSchedulerPass({ db, step, clock: () => DUE_CLOCK }));
    return { ms: pass.ms, summary: pass.result, steps, statements };
  } finally {
    await db.$disconnect();
  }
}

function attribute(run: Awaited<ReturnType<typeof runAppPath>>) {
  const isBatch = (id: string) => id.startsWith("catch-up-");
  const batches = run.steps.filter((s) => isBatch(s.id));
  const n = Math.max(batches.length, 1);
  const byKind = new Map<string, { count: number; ms: number; clientMsBefore: number }>();
  for (const statement of run.statements.filter((s) => isBatch(s.step))) {
    const entry = byKind.get(statement.kind) ?? { count: 0, ms: 0, clientMsBefore: 0 };
    entry.count += 1;
    entry.ms += statement.ms;
    entry.clientMsBefore += statement.clientMsBefore;
    byKind.set(statement.kind, entry);
  }
  const batchMs = batches.reduce((sum, b) => sum + b.ms, 0);
  const sum = (pick: (entry: { count: number; ms: number; clientMsBefore: number }) => number) => [...byKind.values()].reduce((total, entry) => total + pick(entry), 0);
  const perBatch = batches.map((b) => b.ms);
  const afterLastMs = batches.reduce((total, b) => total + b.clientMsAfter, 0);
  return {
    batches: batches.length,
    batchMs: { total: round(batchMs, 0), median: round(median(perBatch), 1), first: round(perBatch[0] ?? 0, 1), last: round(perBatch[perBatch.length - 1] ?? 0, 1), max: round(Math.max(...perBatch), 1) },
    statementsPerBatch: round(sum((e) => e.count) / n, 1),
    /** Time in statements (overlapping relation reads each counted) vs on the client between them. */
    statementMs: round(sum((e) => e.ms), 0),
    clientMs: round(sum((e) => e.clientMsBefore) + afterLastMs, 0),
    clientMsAfterLastStatement: round(afterLastMs, 0),
    lookAheadMs: round(run.steps.filter((s) => !isBatch(s.id)).reduce((total, s) => total + s.ms, 0), 1),
    byStatement: [...byKind.entries()]
      .sort((a, b) => b[1].ms + b[1].clientMsBefore - (a[1].ms + a[1].clientMsBefore))
      .map(([kind, entry]) => ({
        kind,
        perBatch: round(entry.count / n, 2),
        msPerBatch: round(entry.ms / n, 1),
        clientMsBeforePerBatch: round(entry.clientMsBefore / n, 1),
        shareOfBatchTime: round((entry.ms + entry.clientMsBefore) / batchMs, 3),
      })),
  };
}

/** What the catch-up wrote at DUE_CLOCK, checked against the due sessions the data planted, and a digest to compare databases. */
async function verify(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Record<string, number | string>>(
      `WITH expected AS (
         SELECT b."id" FROM "Booking" b JOIN "App_SessionCheckout_Settings" s ON s."userId" = b."userId"
         WHERE b."status" = 'accepted' AND b."endTime" + make_interval(mins => s."autoCheckoutDelayMinutes") > $2::timestamp - interval '100 minutes'
           AND b."endTime" + make_interval(mins => s."autoCheckoutDelayMinutes") <= $2::timestamp
       ), written AS (SELECT * FROM "App_SessionCheckout_Checkout" WHERE "checkedOutAt" = $1::timestamp),
       entries AS (SELECT * FROM "App_SessionCheckout_AuditEntry" WHERE "createdAt" = $1::timestamp),
       surveys AS (SELECT sv.* FROM "App_SessionCheckout_Survey" sv JOIN expected e ON e."id" = sv."bookingId"),
       present AS (SELECT a."bookingId", count(DISTINCT lower(btrim(a."email"))) AS n FROM "Attendee" a JOIN expected e ON e."id" = a."bookingId" WHERE a."noShow" IS NOT TRUE GROUP BY 1)
       SELECT (SELECT count(*) FROM expected)::int AS "dueSessions",
              (SELECT count(*) FROM written)::int AS checkouts,
              (SELECT count(*) FROM written w JOIN expected e ON e."id" = w."bookingId" WHERE w."state" = 'ACTIVE' AND w."method" = 'AUTO' AND w."checkedOutById" IS NULL)::int AS "activeAutoCheckoutsOfDue",
              (SELECT count(*) FROM entries)::int AS "historyEntries",
              (SELECT count(DISTINCT "bookingId") FROM entries en JOIN expected e ON e."id" = en."bookingId" WHERE en."action" = 'CHECKED_OUT' AND en."actorType" = 'AUTO_CHECKOUT' AND en."source" = 'AUTO')::int AS "bookingsWithCheckedOutEntry",
              (SELECT count(*) FROM surveys)::int AS surveys,
              (SELECT coalesce(sum(n), 0) FROM present)::int AS "attendeesNotNoShow",
              (SELECT coalesce(sum(("details"->>'surveysQueued')::int), 0) FROM entries)::int AS "surveysQueuedInEntries",
              md5(coalesce((SELECT string_agg(concat_ws('|', "bookingId", "state", "method", "checkedOutAt", "checkedOutById"), ',' ORDER BY "bookingId") FROM written), '')) AS "checkoutsDigest",
              md5(coalesce((SELECT string_agg(concat_ws('|', "bookingId", "attendeeEmail", "attendeeName", "status", "attempts"), ',' ORDER BY "bookingId", "attendeeEmail") FROM surveys), '')) AS "surveysDigest",
              md5(coalesce((SELECT string_agg(concat_ws('|', "bookingId", "action", "actorType", "actorUserId", "source", "details"::text), ',' ORDER BY "bookingId", "id") FROM entries), '')) AS "entriesDigest"`,
      [sqlTimestamp(DUE_CLOCK), sqlTimestamp(T)],
    );
    return rows[0]!;
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  await setupTemplate();
  const name = `session_checkout_bench_autocheckout_${randomBytes(3).toString("hex")}`;
  const copies = [`${name}_base1`, `${name}_base2`];
  const url = databaseUrl(name);
  const started = performance.now();
  const databases: string[] = [];
  try {
    await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`));
    databases.push(name);
    console.log(`Loading ${HOSTS.toLocaleString("en")} hosts × ${BOOKINGS_PER_HOST.toLocaleString("en")} bookings …`);
    const load = await timed(() => loadData(url));
    const data = load.result;
    console.log(`  loaded in ${(load.ms / 1000).toFixed(1)} s: ${JSON.stringify(data.totals)}`);
    console.log(`  every host: app installed, auto-checkout on since T − ${ENABLED_DAYS_BEFORE_T} days (−0…6 h), delay by host id mod 10 of [${DELAYS.join(", ")}] min, surveys on; T = ${T.toISOString()}`);
    console.log("  mix (kind / state: bookings, attendees):");
    for (const row of data.mix) console.log(`    ${row.kind.padEnd(8)} ${row.state.padEnd(32)} ${String(row.bookings).padStart(8)} ${String(row.attendees).padStart(8)}`);

    // The server's planner settings that shape the figures (JIT compiles a statement whose estimated cost passes jit_above_cost).
    const server = await withClient(url, async (client) =>
      (await client.query<Record<string, string>>(`SELECT current_setting('server_version') AS version, current_setting('jit') AS jit, current_setting('jit_above_cost') AS "jitAboveCost", current_setting('shared_buffers') AS "sharedBuffers", current_setting('work_mem') AS "workMem"`)).rows[0]!,
    );

    console.log(`\n(a) Scheduler pass with nothing due (clock T − 3 h), median of ${IDLE_RUNS} …`);
    const idle = await measureIdlePass(url);

    // Identical copies for the baseline, taken before anything is checked out (no connection may be open to the source).
    const cloneMs: number[] = [];
    for (const copy of copies) {
      cloneMs.push((await timed(() => withAdminClient((admin) => admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${name}" STRATEGY FILE_COPY`)))).ms);
      databases.push(copy);
    }

    // The plan of the catch-up query as (b)'s pass runs it, once, before any write (read only, on the source).
    const [firstBatchQuery] = await captureQueries(url, (db) => findDueSessions(db, { dueBy: DUE_CLOCK, limit: CATCH_UP_LIMIT }));
    const firstBatchPlan = await explain(url, firstBatchQuery!);

    console.log(`(b) Checking out ${(HOSTS * PER_HOST.due).toLocaleString("en")} due sessions (clock T + 1 min): baseline, app's pass, baseline …`);
    const baseline1 = await runBaseline(databaseUrl(copies[0]!));
    console.log(`  baseline 1: ${(baseline1.ms / 1000).toFixed(2)} s`);
    const app = await runAppPath(url);
    console.log(`  app's pass: ${(app.ms / 1000).toFixed(2)} s`);
    const baseline2 = await runBaseline(databaseUrl(copies[1]!));
    console.log(`  baseline 2: ${(baseline2.ms / 1000).toFixed(2)} s`);

    const [appCheck, baselineCheck] = [await verify(url), await verify(databaseUrl(copies[0]!))];
    const expected = HOSTS * PER_HOST.due;
    const appOk =
      appCheck.dueSessions === expected &&
      appCheck.checkouts === expected &&
      appCheck.activeAutoCheckoutsOfDue === expected &&
      appCheck.historyEntries === expected &&
      appCheck.bookingsWithCheckedOutEntry === expected &&
      appCheck.surveys === appCheck.attendeesNotNoShow &&
      appCheck.surveysQueuedInEntries === appCheck.surveys &&
      app.summary.checkedOut === expected &&
      app.summary.skipped === 0 &&
      app.summary.failed.length === 0;
    const sameWrites = (["checkoutsDigest", "surveysDigest", "entriesDigest", "checkouts", "surveys", "historyEntries"] as const).every((key) => appCheck[key] === baselineCheck[key]);
    const baselineMs = (baseline1.ms + baseline2.ms) / 2;
    const attribution = attribute(app);

    const report = {
      server,
      data: {
        hosts: HOSTS,
        perHost: PER_HOST,
        t: T.toISOString(),
        delaysByHostIdMod10: DELAYS,
        autoCheckoutEnabledDaysBeforeT: ENABLED_DAYS_BEFORE_T,
        totals: data.totals,
        mix: data.mix,
        loadMs: data.stepMs,
        loadTotalMs: round(load.ms, 0),
        cloneMs: cloneMs.map((ms) => round(ms, 0)),
      },
      idlePass: idle,
      catchUp: {
        clock: DUE_CLOCK.toISOString(),
        dueSessions: expected,
        appMs: round(app.ms, 0),
        baselineMs: { runs: [round(baseline1.ms, 0), round(baseline2.ms, 0)], mean: round(baselineMs, 0), statements: [baseline1.statementMs, baseline2.statementMs] },
        ratioAppOverBaseline: round(app.ms / baselineMs, 2),
        targetRatio: 3,
        summary: { checkedOut: app.summary.checkedOut, skipped: app.summary.skipped, failed: app.summary.failed.length, scheduled: app.summary.scheduled },
        verified: { appOk, sameWritesAsBaseline: sameWrites, app: appCheck, baseline: baselineCheck },
        appAttribution: attribution,
        catchUpQueryPlanFirstBatch: firstBatchPlan,
      },
      totalRuntimeS: round((performance.now() - started) / 1000, 0),
    };
    const out = join(import.meta.dirname, "..", "..", "test-results", "bench");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "auto-checkout.json"), `${JSON.stringify(report, null, 2)}\n`);

    const ms = (value: number) => `${value.toLocaleString("en", { maximumFractionDigits: 2 })} ms`;
    console.log(`\nPlan of the catch-up query at T − 3 h (EXPLAIN ANALYZE, BUFFERS):\n${idle.plans.catchUp.replace(/^/gm, "  ")}`);
    console.log(`\nPlan of the catch-up query at T + 1 min, as (b)'s pass runs it (once, for all 100,000):\n${firstBatchPlan.replace(/^/gm, "  ")}`);
    console.log(`\nAuto-checkout, ${HOSTS.toLocaleString("en")} hosts, ${data.totals.bookings!.toLocaleString("en")} bookings:`);
    console.log(`  (a) idle pass (median of ${IDLE_RUNS})     ${ms(idle.medianMs.pass).padStart(12)}   target ≤ 50 ms; index used: ${idle.indexUsed ? "yes" : "NO"}`);
    console.log(`      first pass (lines 28 days back)  ${ms(idle.firstPassMs).padStart(12)}   reads every session since switch-on once, then moves the lines up`);
    console.log(`      catch-up query                ${ms(idle.medianMs.catchUpQuery).padStart(12)}`);
    console.log(`      look-ahead query              ${ms(idle.medianMs.lookAheadQuery).padStart(12)}`);
    console.log(`      baseline SELECT 1             ${ms(idle.medianMs.selectOne).padStart(12)}   pass / SELECT 1 = ${idle.ratios.passOverSelectOne}`);
    console.log(`      baseline primary-key lookup   ${ms(idle.medianMs.primaryKeyLookup).padStart(12)}   pass / PK lookup = ${idle.ratios.passOverPrimaryKeyLookup}`);
    console.log(`  (b) app's pass, ${expected.toLocaleString("en")} due        ${ms(round(app.ms, 0)).padStart(12)}   ${attribution.batches} batches, median ${attribution.batchMs.median} ms, ${attribution.statementsPerBatch} statements each`);
    console.log(`      set-based baseline (mean of 2) ${ms(round(baselineMs, 0)).padStart(12)}   runs ${round(baseline1.ms, 0)} / ${round(baseline2.ms, 0)} ms`);
    console.log(`      ratio app / baseline          ${String(report.catchUp.ratioAppOverBaseline).padStart(12)}   target ≤ 3`);
    console.log(`      verified: app ${appOk ? "ok" : "FAILED"}, same writes as baseline ${sameWrites ? "yes" : "NO"} (${appCheck.checkouts} checkouts, ${appCheck.surveys} surveys, ${appCheck.historyEntries} History entries)`);
    console.log(`  where the app's batches spend their time (${ms(attribution.batchMs.total)} in all: ${ms(attribution.statementMs)} in statements, ${ms(attribution.clientMs)} on the client between them):`);
    console.log(`      ${"statement".padEnd(40)} ${"per batch".padStart(9)} ${"in SQL".padStart(12)} ${"client before".padStart(14)} ${"share".padStart(7)}`);
    for (const row of attribution.byStatement)
      console.log(`      ${row.kind.padEnd(40)} ${String(row.perBatch).padStart(9)} ${ms(row.msPerBatch).padStart(12)} ${ms(row.clientMsBeforePerBatch).padStart(14)} ${(row.shareOfBatchTime * 100).toFixed(1).padStart(6)}%`);
    console.log(`  PostgreSQL ${server.version}, jit ${server.jit} (above cost ${server.jitAboveCost}), shared_buffers ${server.sharedBuffers}, work_mem ${server.workMem}.`);
    console.log(`\nTotal ${report.totalRuntimeS} s. Figures written to test-results/bench/auto-checkout.json.`);
  } finally {
    for (const database of databases.reverse()) await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  }
}

await main();
