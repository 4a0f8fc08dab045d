/*
 * Survey email delivery at scale, against a baseline measured in the same run:
 *   delivery: 10,000 queued surveys of checked-out sessions (100 hosts × 100 sessions, surveys on,
 *     a brand colour each, half with an avatar; attendees in ten time zones) sent by the app's path —
 *     deliverDueSurveys (lib/services/survey-delivery.ts), called back to back as the delivery job's
 *     rounds call it: claim, read, check, render, send, mark SENT, History — over real SMTP through
 *     the app's pooled nodemailer transport (emails/mail-transport.ts) to an SMTP server in this
 *     process that counts what it receives without parsing it (target ≥ 200 emails/s);
 *   render-only baseline: the same 10,000 emails rendered by renderSurveyRequest (emails/render.ts)
 *     with no database and no SMTP, before and after the delivery.
 * Afterwards the sink must have received exactly one message per survey and every row must be SENT
 * with its History entry; a mismatch fails the bench loudly (exit code 1). Spans (statements, SMTP
 * sends), the process's and the machine's CPU and the event loop show where the time goes.
 * Run with `npm run bench:surveys`: React's production build (NODE_ENV=production, as the app runs;
 * the development build renders about 1.7× slower), and tsx given the app-store's tsconfig so that
 * the app's .tsx emails compile with the automatic JSX runtime. Reports emails/s and the ratio and
 * asserts nothing about speed: these machines are shared and noisy, so the ratio is the figure to
 * compare. BENCH_SURVEYS scales the data down for a quick smoke run (BENCH_SURVEYS=1000: 10 hosts ×
 * 100 sessions); BENCH_SPANS=0 drops the spans; BENCH_CPU_PROFILE=<file> writes a V8 CPU profile of
 * the delivery alone and prints its time by package.
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Profiler } from "node:inspector";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";

import { formatForClient } from "@calcom/app-store/session-checkout/components/format";
import { createMailTransport } from "@calcom/app-store/session-checkout/emails/mail-transport";
import { renderSurveyRequest } from "@calcom/app-store/session-checkout/emails/render";
import { deliverDueSurveys, SURVEYS_PER_HOST_PER_MINUTE, type MailTransport } from "@calcom/app-store/session-checkout/lib/services/survey-delivery";
import { brandingOf } from "@calcom/app-store/session-checkout/lib/survey-branding";
import { surveyLinks } from "@calcom/app-store/session-checkout/lib/survey-links";
import { createPrismaClient, PrismaClient } from "@calcom/prisma";
import { PrismaPg } from "@prisma/adapter-pg";

import setupTemplate from "../support/global-setup";
import { databaseUrl, templateDatabaseName, withAdminClient } from "../support/postgres";
import { round, sqlTimestamp, timed, withClient } from "./bench-support";

// Links are signed as in production (the secret is required there); the bench's own secret unless one is set.
process.env.SESSION_CHECKOUT_SURVEY_SECRET ??= "survey-delivery-bench-secret";
/** React's production build, as the app runs (`npm run bench:surveys` sets it). */
const NODE_ENV = process.env.NODE_ENV ?? "development";

const SURVEYS = Number(process.env.BENCH_SURVEYS ?? 10_000);
if (!Number.isInteger(SURVEYS) || SURVEYS < 1) throw new Error(`BENCH_SURVEYS must be a positive whole number, not ${process.env.BENCH_SURVEYS}`);
/** 100 sessions per host: as many as the claim's per-host allowance lets go out in a minute. */
const SESSIONS_PER_HOST = Math.min(100, SURVEYS);
const HOSTS = Math.ceil(SURVEYS / SESSIONS_PER_HOST);
/** Statement and SMTP spans from the client's query events and a timing wrapper around the transport; BENCH_SPANS=0 measures the bare path. */
const SPANS = process.env.BENCH_SPANS !== "0";
/** The delivery renders and sends up to its batch (100) at once; the baseline renders in chunks of the same size. */
const RENDER_CHUNK = 100;
const WARM_UP_RENDERS = 200;
/** A file to write a V8 CPU profile of the delivery alone to (open it in Chrome's DevTools or speedscope). */
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
const FROM = "Session Checkout <surveys@bench.example>";
const WEBAPP = "http://localhost:3000";
const TIME_ZONES = ["Europe/London", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata", "America/Sao_Paulo", "Africa/Lagos", "Pacific/Auckland"] as const;
const BRAND_COLOURS = ["#0E7490", "#7C3AED", "#B91C1C", "#15803D", "#C2410C", "#1D4ED8"] as const;
const TITLES = ["Session", "Coaching session", "Physiotherapy, 50 min", "Initial consultation", "Follow-up"] as const;
/**
 * The per-host throttle of the delivery's claim (SURVEYS_PER_HOST_PER_MINUTE, 100 a host a minute) is
 * set out of the way: at 200 emails/s a host's 100 surveys go out within the minute anyway, and the
 * bench measures throughput, not the throttle.
 */
const PER_HOST_PER_MINUTE = SURVEYS + 1;
/** Cap on delivery rounds: a claim that stops short (a throttle, a stuck row) ends the bench instead of spinning. */
const MAX_ROUNDS = Math.ceil(SURVEYS / 100) * 3 + 10;

type SurveyRequestProps = Parameters<typeof renderSurveyRequest>[0];

const median = (values: ReadonlyArray<number>) => (values.length === 0 ? 0 : [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
const sum = (values: ReadonlyArray<number>) => values.reduce((total, value) => total + value, 0);

/** The machine's busy CPU time so far (all cores, from /proc/stat), in ms; null where there is none. */
function machineBusyMs(): number | null {
  if (!existsSync("/proc/stat")) return null;
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  // USER_HZ is 100 on Linux.
  return (user + nice + system + irq + softirq + steal) * 10;
}

// ---------------------------------------------------------------------------------------------
// Data: SURVEYS checked-out sessions, one attendee and one QUEUED survey each. Survey i belongs to
// host 1 + (i − 1) mod HOSTS, so the outbox's order (queue time, id) interleaves the hosts.
// ---------------------------------------------------------------------------------------------

async function loadData(url: string, queuedFrom: Date) {
  const steps: Array<[string, string, unknown[]?]> = [
    // The rows are consistent by construction; foreign-key triggers are off for the load only.
    ["load settings", "SET session_replication_role = replica"],
    ["app", `INSERT INTO "App" ("slug", "dirName", "categories", "enabled", "updatedAt") VALUES ('session-checkout', 'session-checkout', ARRAY['other']::"AppCategories"[], true, now())`],
    [
      "hosts",
      // Half of them with an avatar (a path on the web app, as Cal.com stores it; the email shows it), one in ten hiding the app's branding.
      `INSERT INTO "users" ("id", "uuid", "email", "name", "timeZone", "brandColor", "hideBranding", "avatarUrl")
       SELECT h, gen_random_uuid(), 'host-' || h || '@bench.example', 'Host ' || h, 'Europe/London', ($2::text[])[1 + h % array_length($2::text[], 1)], h % 10 = 0,
              CASE WHEN h % 2 = 0 THEN '/api/avatar/host-' || h || '.png' END
       FROM generate_series(1, $1::int) h`,
      [HOSTS, [...BRAND_COLOURS]],
    ],
    ["installs", `INSERT INTO "Credential" ("type", "key", "userId", "appId") SELECT 'session-checkout_other', '{}'::jsonb, h, 'session-checkout' FROM generate_series(1, $1::int) h`, [HOSTS]],
    ["event types", `INSERT INTO "EventType" ("id", "title", "slug", "length", "price", "currency", "userId") SELECT h, 'Session', 'session', 50, 9000, 'eur', h FROM generate_series(1, $1::int) h`, [HOSTS]],
    ["settings", `INSERT INTO "App_SessionCheckout_Settings" ("userId", "surveysEnabled", "createdAt", "updatedAt") SELECT h, true, $2::timestamp, $2::timestamp FROM generate_series(1, $1::int) h`, [HOSTS, sqlTimestamp(queuedFrom)]],
    // Session i ended 10 minutes before its checkout; checkouts 100 ms apart, oldest first.
    [
      "plan",
      `CREATE TEMP TABLE plan AS
       SELECT i, 1 + (i - 1) % $2::int AS host, $3::timestamp + make_interval(secs => i * 0.1) AS checked_out_at FROM generate_series(1, $1::int) i`,
      [SURVEYS, HOSTS, sqlTimestamp(queuedFrom)],
    ],
    [
      "bookings",
      `INSERT INTO "Booking" ("id", "uid", "userId", "eventTypeId", "title", "startTime", "endTime", "createdAt", "updatedAt", "status")
       SELECT i, 'bench-survey-' || i, host, host, ($1::text[])[1 + host % array_length($1::text[], 1)],
              checked_out_at - interval '60 minutes', checked_out_at - interval '10 minutes', checked_out_at - interval '10 days', checked_out_at - interval '10 days', 'accepted'
       FROM plan ORDER BY i`,
      [[...TITLES]],
    ],
    // One in five addresses mixed-case (surveys store them lower-cased and the delivery matches them so).
    [
      "attendees",
      `INSERT INTO "Attendee" ("email", "name", "timeZone", "bookingId", "noShow")
       SELECT CASE WHEN i % 5 = 0 THEN 'Client.' || i || '@Clients.Example' ELSE 'client.' || i || '@clients.example' END,
              'Client ' || i, ($1::text[])[1 + i % array_length($1::text[], 1)], i, false
       FROM plan ORDER BY i`,
      [[...TIME_ZONES]],
    ],
    [
      "checkouts",
      `INSERT INTO "App_SessionCheckout_Checkout" ("bookingId", "state", "method", "checkedOutAt", "checkedOutById")
       SELECT i, 'ACTIVE', CASE WHEN i % 3 = 0 THEN 'MANUAL' ELSE 'AUTO' END::"App_SessionCheckout_Method", checked_out_at, CASE WHEN i % 3 = 0 THEN host END
       FROM plan ORDER BY i`,
    ],
    [
      "surveys",
      `INSERT INTO "App_SessionCheckout_Survey" ("bookingId", "attendeeEmail", "attendeeName", "status", "attempts", "nextAttemptAt", "queuedAt")
       SELECT p.i, lower(a."email"), a."name", 'QUEUED', 0, p.checked_out_at, p.checked_out_at
       FROM plan p JOIN "Attendee" a ON a."bookingId" = p.i ORDER BY p.i`,
    ],
    [
      "history entries",
      `INSERT INTO "App_SessionCheckout_AuditEntry" ("bookingId", "action", "actorType", "actorUserId", "source", "details", "createdAt")
       SELECT i, 'CHECKED_OUT', CASE WHEN i % 3 = 0 THEN 'USER' ELSE 'AUTO_CHECKOUT' END::"App_SessionCheckout_ActorType", CASE WHEN i % 3 = 0 THEN host END,
              CASE WHEN i % 3 = 0 THEN 'MANUAL' ELSE 'AUTO' END::"App_SessionCheckout_AuditSource",
              jsonb_build_object('from', 'CONFIRMED', 'to', 'COMPLETED', 'surveysQueued', 1), checked_out_at
       FROM plan ORDER BY i`,
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
    await client.query("DROP TABLE plan; RESET session_replication_role");
    // What autovacuum would have done to live tables: statistics and the visibility map.
    stepMs["vacuum analyze"] = round((await timed(() => client.query("VACUUM (ANALYZE)"))).ms, 0);
    await client.query("CHECKPOINT");
    const { rows } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM "users")::int AS hosts, (SELECT count(*) FROM "Booking")::int AS bookings, (SELECT count(*) FROM "Attendee")::int AS attendees,
              (SELECT count(*) FROM "App_SessionCheckout_Checkout" WHERE "state" = 'ACTIVE')::int AS "activeCheckouts",
              (SELECT count(*) FROM "App_SessionCheckout_Survey" WHERE "status" = 'QUEUED')::int AS "queuedSurveys",
              (SELECT count(*) FROM "App_SessionCheckout_Settings" WHERE "surveysEnabled")::int AS "hostsWithSurveysOn"`,
    );
    return { stepMs, totals: rows[0]! };
  });
}

// ---------------------------------------------------------------------------------------------
// The sink: a real SMTP server over TCP, in a process of its own (counting-smtp-sink.ts), that counts messages, bytes and
// recipients, and parses nothing.
// ---------------------------------------------------------------------------------------------

async function startCountingSink() {
  const child = fork(join(import.meta.dirname, "counting-smtp-sink.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`The SMTP sink exited (code ${code}).`)));
  });
  const stats = { messages: 0, bytes: 0, connections: 0, repeatedRecipients: 0, recipients: { size: 0 } };
  return {
    port,
    stats,
    /** Reads the sink's counts into `stats`. */
    async refresh() {
      const reply = await new Promise<{ messages: number; bytes: number; connections: number; repeatedRecipients: number; distinctRecipients: number }>((resolve) => {
        child.once("message", (message) => resolve((message as { stats: never }).stats));
        child.send("stats");
      });
      Object.assign(stats, { messages: reply.messages, bytes: reply.bytes, connections: reply.connections, repeatedRecipients: reply.repeatedRecipients, recipients: { size: reply.distinctRecipients } });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.send("close");
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The render-only baseline: the same emails, as the delivery builds and renders them, no I/O.
// ---------------------------------------------------------------------------------------------

/** Each survey's email props, built as deliverDueSurveys builds them (signed links, the client's zone, the host's branding). */
async function surveyProps(url: string, issuedAt: Date): Promise<{ props: SurveyRequestProps[]; ms: number }> {
  const rows = await withClient(url, async (client) =>
    (
      await client.query<{ id: number; attendeeName: string; title: string; startTime: Date; timeZone: string; name: string | null; avatarUrl: string | null; brandColor: string | null; hideBranding: boolean }>(
        `SELECT s."id", s."attendeeName", b."title", b."startTime" AT TIME ZONE 'UTC' AS "startTime", a."timeZone", u."name", u."avatarUrl", u."brandColor", u."hideBranding"
         FROM "App_SessionCheckout_Survey" s JOIN "Booking" b ON b."id" = s."bookingId" JOIN "Attendee" a ON a."bookingId" = b."id" JOIN "users" u ON u."id" = b."userId"
         WHERE s."status" = 'QUEUED' ORDER BY s."nextAttemptAt", s."id"`,
      )
    ).rows,
  );
  const started = performance.now();
  const props = rows.map((row): SurveyRequestProps => {
    const links = surveyLinks({ surveyId: row.id, webappUrl: WEBAPP, issuedAt });
    return {
      clientName: row.attendeeName,
      branding: brandingOf({ user: { name: row.name, avatarUrl: row.avatarUrl, brandColor: row.brandColor, hideBranding: row.hideBranding }, eventType: { team: null } }, WEBAPP),
      sessionTitle: row.title,
      sessionWhen: formatForClient(row.startTime, row.timeZone),
      ratingLinks: links.ratings,
      unsubscribeLink: links.unsubscribe,
    };
  });
  return { props, ms: performance.now() - started };
}

async function renderAll(props: ReadonlyArray<SurveyRequestProps>) {
  let bytes = 0;
  const { ms } = await timed(async () => {
    for (let start = 0; start < props.length; start += RENDER_CHUNK) {
      const emails = await Promise.all(props.slice(start, start + RENDER_CHUNK).map((p) => renderSurveyRequest(p)));
      for (const email of emails) bytes += email.html.length + email.text.length;
    }
  });
  return { ms, emailsPerS: round(props.length / (ms / 1000), 1), msPerEmail: round(ms / props.length, 3), meanChars: Math.round(bytes / props.length) };
}

// ---------------------------------------------------------------------------------------------
// The delivery: the app's path, round after round, with spans.
// ---------------------------------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
}

/** Time with at least one span open (overlapping spans count once). */
function unionMs(spans: ReadonlyArray<Span>): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let open: Span | undefined;
  for (const span of sorted) {
    if (open && span.start <= open.end) open.end = Math.max(open.end, span.end);
    else {
      if (open) total += open.end - open.start;
      open = { ...span };
    }
  }
  return open ? total + open.end - open.start : total;
}

/** A short name for a statement the client sent. */
function statementKind(sql: string): string {
  const text = sql.trim();
  if (/FOR UPDATE\b.*SKIP LOCKED/is.test(text)) return "claim (FOR UPDATE SKIP LOCKED, per-host counts)";
  if (/pg_advisory_xact_lock/i.test(text)) return "claim lock (pg_advisory_xact_lock)";
  if (/^SELECT 1 FROM "App_SessionCheckout_Survey"/i.test(text)) return "still ours? (SELECT 1, per email)";
  if (/^UPDATE "App_SessionCheckout_Survey"/i.test(text) && /'SENT'/.test(text)) return "mark SENT (UPDATE, per email)";
  const verb = /^\w+/.exec(text)?.[0]?.toUpperCase() ?? "?";
  const table = /(?:FROM|INTO|UPDATE)\s+(?:"public"\.)?"(\w+)"/i.exec(text)?.[1];
  return [verb, table].filter(Boolean).join(" ");
}

/** Where a sample's time goes: the innermost frame of its stack that belongs to one of these. */
const PROFILE_CATEGORIES: Array<[string, RegExp]> = [
  ["rendering (react-dom, @react-email, html-to-text and its parsers)", /node_modules\/(react|react-dom|scheduler|@react-email\/[^/]+|html-to-text|selderee|@selderee\/[^/]+|htmlparser2|parseley|peberminta|leac|prismjs|domhandler|domutils|dom-serializer|entities|deepmerge|marked|md-to-react-email)\/|\/emails\//],
  ["nodemailer (MIME, quoted-printable, SMTP client)", /node_modules\/nodemailer\//],
  ["smtp-server (none: the sink runs in its own process)", /node_modules\/smtp-server\//],
  ["Prisma client and its query engine", /node_modules\/(@prisma\/client|\.prisma)\/|\/generated\/prisma\/|^wasm:/],
  ["pg and the Prisma adapter", /node_modules\/(pg|pg-pool|pg-protocol|pg-types|@prisma\/adapter-pg|@prisma\/driver-adapter-utils)\//],
  ["formatForClient (a new Intl.DateTimeFormat a call)", /\/components\/format\.ts/],
  ["the app's own code (delivery, links, tokens, History)", /\/app-store\/session-checkout\//],
  ["this bench (spans, counting)", /\/test\/bench\//],
];

const NATIVE_FRAMES = new Map([
  ["(garbage collector)", "garbage collection"],
  ["(idle)", "idle (waiting on I/O)"],
  ["(program)", "V8 and Node (native)"],
]);

/** A CPU profile's time by category (garbage collection, idle and Node's own internals apart). */
function profileCategories(profile: Profiler.Profile): Array<{ category: string; ms: number; share: number }> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let all = 0;
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i] ?? 0;
    all += us;
    const leaf = nodes.get(samples[i]!)!.callFrame.functionName;
    let category = NATIVE_FRAMES.get(leaf);
    for (let id: number | undefined = samples[i]; id !== undefined && !category; id = parents.get(id)) {
      const url = nodes.get(id)!.callFrame.url;
      category = PROFILE_CATEGORIES.find(([, pattern]) => pattern.test(url))?.[0];
    }
    category ??= "Node internals (streams, sockets, promises, the module loader)";
    totals.set(category, (totals.get(category) ?? 0) + us);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([category, us]) => ({ category, ms: round(us / 1000, 0), share: round(us / Math.max(all, 1), 3) }));
}

async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(CPU_PROFILE!, JSON.stringify(profile));
      session.disconnect();
      return profileCategories(profile);
    },
  };
}

interface Statement extends Span {
  kind: string;
}

async function deliver(url: string, sinkPort: number) {
  const statements: Statement[] = [];
  let db: PrismaClient;
  if (SPANS) {
    // createPrismaClient's pool and adapter, with the client's query events on.
    const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10, allowExitOnIdle: true }), log: [{ emit: "event", level: "query" }] });
    logging.$on("query", (event) => {
      const end = performance.now();
      statements.push({ kind: statementKind(event.query), start: end - event.duration, end });
    });
    db = logging;
  } else db = createPrismaClient({ databaseUrl: url });
  // The app's pooled transport (5 connections); with spans, each sendMail is timed on its way through.
  const appTransport = createMailTransport({ host: "127.0.0.1", port: sinkPort });
  const sends: Span[] = [];
  const transport: MailTransport = SPANS
    ? {
        sendMail: async (message) => {
          const start = performance.now();
          try {
            return await appTransport.sendMail(message);
          } finally {
            sends.push({ start, end: performance.now() });
          }
        },
      }
    : appTransport;
  const rounds: Array<{ ms: number; sent: number; retrying: number; failed: number; cancelled: number } & Span> = [];
  let lastError: string | undefined;
  try {
    // Connections up (database pool, one SMTP connection) before the clock starts, as in a running app.
    await db.$queryRaw`SELECT 1`;
    statements.length = 0;
    const profiler = CPU_PROFILE ? await startProfiler() : null;
    const elu = performance.eventLoopUtilization();
    const cpu = process.cpuUsage();
    const machineBefore = machineBusyMs();
    const started = performance.now();
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const start = performance.now();
      // As the delivery job calls it each round (jobs/survey-delivery.ts): the mailer and the clock, the app's default batch; the per-host throttle out of the way.
      const result = await deliverDueSurveys(db, { transport, from: FROM, webappUrl: WEBAPP, now: new Date(), perHostPerMinute: PER_HOST_PER_MINUTE });
      const end = performance.now();
      rounds.push({ ms: end - start, start, end, sent: result.sent.length, retrying: result.retrying.length, failed: result.failed.length, cancelled: result.cancelled.length });
      if (result.lastError) lastError = result.lastError;
      if (result.sent.length + result.retrying.length + result.failed.length + result.cancelled.length === 0) break;
    }
    const ms = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpu);
    const machineAfter = machineBusyMs();
    const loop = performance.eventLoopUtilization(elu);
    const profile = profiler ? await profiler.stop() : null;
    return { ms, rounds, lastError, statements, sends, cpuMs: { user: cpuUsed.user / 1000, system: cpuUsed.system / 1000 }, machineBusyMs: machineBefore === null || machineAfter === null ? null : machineAfter - machineBefore, profile, eventLoopUtilization: loop.utilization };
  } finally {
    appTransport.close();
    await db.$disconnect();
  }
}

function attribute(run: Awaited<ReturnType<typeof deliver>>, renderMsPerEmail: number, sent: number) {
  const byKind = new Map<string, number[]>();
  for (const statement of run.statements) {
    const durations = byKind.get(statement.kind) ?? [];
    durations.push(statement.end - statement.start);
    byKind.set(statement.kind, durations);
  }
  const working = run.rounds.filter((r) => r.sent + r.retrying + r.failed + r.cancelled > 0);
  const sendMs = run.sends.map((s) => s.end - s.start);
  const renderEstimateMs = renderMsPerEmail * sent;
  return {
    rounds: run.rounds.length,
    roundMs: { median: round(median(working.map((r) => r.ms))), first: round(working[0]?.ms ?? 0), max: round(Math.max(0, ...working.map((r) => r.ms))) },
    perRound: round(sent / Math.max(working.length, 1), 1),
    /** Wall time with at least one statement in flight / one SMTP send in flight. */
    databaseBusyMs: round(unionMs(run.statements), 0),
    smtpBusyMs: round(unionMs(run.sends), 0),
    /** The render's CPU time at the baseline's speed (it runs on the one event loop, so it is wall time). */
    renderEstimateMs: round(renderEstimateMs, 0),
    nodeCpuMs: { user: round(run.cpuMs.user, 0), system: round(run.cpuMs.system, 0) },
    /** Every process on the machine (PostgreSQL's backends, this process, anything else running), all cores. */
    machineBusyMs: run.machineBusyMs,
    cores: availableParallelism(),
    eventLoopUtilization: round(run.eventLoopUtilization, 3),
    sendMs: { median: round(median(sendMs), 1), max: round(Math.max(0, ...sendMs), 1), count: sendMs.length },
    statementsPerRound: round(run.statements.length / Math.max(working.length, 1), 1),
    byStatement: [...byKind.entries()]
      .sort((a, b) => sum(b[1]) - sum(a[1]))
      .map(([kind, durations]) => ({ kind, count: durations.length, totalMs: round(sum(durations), 0), medianMs: round(median(durations), 2), maxMs: round(Math.max(...durations), 1) })),
  };
}

async function verify(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ surveys: number; sentOnFirstAttempt: number; notSent: number; sentEntries: number; bookingsWithSentEntry: number }>(
      `SELECT (SELECT count(*) FROM "App_SessionCheckout_Survey")::int AS surveys,
              (SELECT count(*) FROM "App_SessionCheckout_Survey" WHERE "status" = 'SENT' AND "sentAt" IS NOT NULL AND "attempts" = 1 AND "lastError" IS NULL)::int AS "sentOnFirstAttempt",
              (SELECT count(*) FROM "App_SessionCheckout_Survey" WHERE "status" <> 'SENT')::int AS "notSent",
              (SELECT count(*) FROM "App_SessionCheckout_AuditEntry" WHERE "action" = 'SURVEY_SENT' AND "actorType" = 'SYSTEM' AND "source" = 'SURVEY_DELIVERY')::int AS "sentEntries",
              (SELECT count(DISTINCT "bookingId") FROM "App_SessionCheckout_AuditEntry" WHERE "action" = 'SURVEY_SENT')::int AS "bookingsWithSentEntry"`,
    );
    const { rows: byStatus } = await client.query<{ status: string; n: number }>(`SELECT "status"::text AS status, count(*)::int AS n FROM "App_SessionCheckout_Survey" GROUP BY 1 ORDER BY 1`);
    return { ...rows[0]!, byStatus: Object.fromEntries(byStatus.map((row) => [row.status, row.n])) };
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  await setupTemplate();
  const name = `session_checkout_bench_surveys_${randomBytes(3).toString("hex")}`;
  const url = databaseUrl(name);
  const started = performance.now();
  let created = false;
  const sink = await startCountingSink();
  try {
    await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`));
    created = true;
    // Queued over the last SURVEYS / 10 seconds (and then some): every one is due when the delivery starts.
    const queuedFrom = new Date(Date.now() - SURVEYS * 100 - 3_600_000);
    console.log(`Loading ${HOSTS.toLocaleString("en")} hosts × ${SESSIONS_PER_HOST} checked-out sessions, one queued survey each …`);
    const load = await timed(() => loadData(url, queuedFrom));
    console.log(`  loaded in ${(load.ms / 1000).toFixed(1)} s: ${JSON.stringify(load.result.totals)}`);

    const server = await withClient(url, async (client) => (await client.query<Record<string, string>>(`SELECT current_setting('server_version') AS version, current_setting('jit') AS jit, current_setting('shared_buffers') AS "sharedBuffers", current_setting('synchronous_commit') AS "synchronousCommit"`)).rows[0]!);

    // Render-only baseline 1 (after a warm-up), the delivery, baseline 2.
    const { props, ms: propsMs } = await surveyProps(url, new Date());
    if (props.length !== SURVEYS) throw new Error(`Expected ${SURVEYS} queued surveys, found ${props.length}`);
    await renderAll(props.slice(0, WARM_UP_RENDERS));
    console.log(`Render-only baseline 1: ${SURVEYS.toLocaleString("en")} emails …`);
    const baseline1 = await renderAll(props);
    console.log(`  ${(baseline1.ms / 1000).toFixed(2)} s, ${baseline1.emailsPerS} emails/s`);

    console.log(`Delivering ${SURVEYS.toLocaleString("en")} surveys through deliverDueSurveys over SMTP${SPANS ? " (with spans)" : ""} …`);
    const loadBefore = loadavg()[0]!;
    const run = await deliver(url, sink.port);
    const loadAfter = loadavg()[0]!;
    await sink.refresh();
    const sent = sum(run.rounds.map((r) => r.sent));
    const emailsPerS = round(sent / (run.ms / 1000), 1);
    console.log(`  ${(run.ms / 1000).toFixed(2)} s, ${emailsPerS} emails/s`);

    console.log(`Render-only baseline 2 …`);
    const baseline2 = await renderAll(props);
    console.log(`  ${(baseline2.ms / 1000).toFixed(2)} s, ${baseline2.emailsPerS} emails/s`);

    // Verified against the sink and the rows; any mismatch fails the bench.
    const rows = await verify(url);
    const checks = {
      sinkMessages: sink.stats.messages === SURVEYS,
      sinkDistinctRecipients: sink.stats.recipients.size === SURVEYS && sink.stats.repeatedRecipients === 0,
      everyRowSent: rows.sentOnFirstAttempt === SURVEYS && rows.notSent === 0 && rows.surveys === SURVEYS,
      historyEntries: rows.sentEntries === SURVEYS && rows.bookingsWithSentEntry === SURVEYS,
      delivererCounted: sent === SURVEYS,
    };
    const verified = Object.values(checks).every(Boolean);

    const baselineMs = (baseline1.ms + baseline2.ms) / 2;
    const baselineEmailsPerS = round(SURVEYS / (baselineMs / 1000), 1);
    const renderMsPerEmail = baselineMs / SURVEYS;
    const attribution = attribute(run, renderMsPerEmail, sent);
    const report = {
      server,
      node: process.version,
      nodeEnv: NODE_ENV,
      data: { surveys: SURVEYS, hosts: HOSTS, sessionsPerHost: SESSIONS_PER_HOST, timeZones: TIME_ZONES, totals: load.result.totals, loadMs: load.result.stepMs, loadTotalMs: round(load.ms, 0) },
      delivery: {
        path: "deliverDueSurveys (lib/services/survey-delivery.ts), the app's default batch, rounds back to back as the delivery job runs them",
        transport: "createMailTransport (emails/mail-transport.ts): nodemailer, pooled, 5 connections, to an in-process SMTP server (smtp-server) that counts without parsing",
        perHostPerMinute: { passed: PER_HOST_PER_MINUTE, appDefault: SURVEYS_PER_HOST_PER_MINUTE },
        spans: SPANS,
        ms: round(run.ms, 0),
        sent,
        emailsPerS,
        targetEmailsPerS: 200,
        lastError: run.lastError ?? null,
      },
      renderOnlyBaseline: {
        what: `renderSurveyRequest (emails/render.ts) for the same ${SURVEYS} emails, ${RENDER_CHUNK} at a time, no database, no SMTP; props (signed links, dates, branding) built beforehand`,
        propsMs: round(propsMs, 0),
        runs: [baseline1, baseline2].map((b) => ({ ...b, ms: round(b.ms, 0) })),
        meanMs: round(baselineMs, 0),
        emailsPerS: baselineEmailsPerS,
      },
      /** The machine's 1-minute load average before and after the delivery (2 cores: above 2, something else is competing). */
      loadAverage: { beforeDelivery: round(loadBefore, 2), afterDelivery: round(loadAfter, 2) },
      ratioBaselineOverDelivery: round(baselineEmailsPerS / emailsPerS, 2),
      sink: { messages: sink.stats.messages, distinctRecipients: sink.stats.recipients.size, repeatedRecipients: sink.stats.repeatedRecipients, connections: sink.stats.connections, meanMessageBytes: Math.round(sink.stats.bytes / Math.max(sink.stats.messages, 1)) },
      verified: { ok: verified, checks, rows },
      attribution: { ...attribution, cpuProfile: run.profile },
      totalRuntimeS: round((performance.now() - started) / 1000, 0),
    };
    const out = join(import.meta.dirname, "..", "..", "test-results", "bench");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "survey-delivery.json"), `${JSON.stringify(report, null, 2)}\n`);

    const rate = (value: number) => `${value.toLocaleString("en", { maximumFractionDigits: 1 })} emails/s`;
    const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;
    console.log(`\nSurvey delivery, ${SURVEYS.toLocaleString("en")} emails (${HOSTS} hosts × ${SESSIONS_PER_HOST} sessions):`);
    console.log(`  delivery (claim, render, send, mark SENT, History)   ${rate(emailsPerS).padStart(18)}   ${ms(run.ms).padStart(10)}   target ≥ 200 emails/s`);
    console.log(`  render-only baseline (mean of 2)                     ${rate(baselineEmailsPerS).padStart(18)}   ${ms(baselineMs).padStart(10)}   runs ${ms(baseline1.ms)} / ${ms(baseline2.ms)}`);
    console.log(`  ratio baseline / delivery                            ${String(report.ratioBaselineOverDelivery).padStart(18)}`);
    console.log(`  per-host throttle: perHostPerMinute ${PER_HOST_PER_MINUTE.toLocaleString("en")} passed (the app's default is ${SURVEYS_PER_HOST_PER_MINUTE}): no host waits for its allowance`);
    console.log(`  sink: ${sink.stats.messages.toLocaleString("en")} messages, ${sink.stats.recipients.size.toLocaleString("en")} distinct recipients, ${sink.stats.connections} SMTP connections, ${report.sink.meanMessageBytes.toLocaleString("en")} bytes a message`);
    console.log(`  rows: ${JSON.stringify(rows.byStatus)}, ${rows.sentEntries.toLocaleString("en")} SURVEY_SENT History entries`);
    const share = (value: number) => `${((value / run.ms) * 100).toFixed(0)} % of the wall time`;
    const perEmail = (value: number) => `${(value / Math.max(sent, 1)).toFixed(2)} ms an email`;
    console.log(`  where the delivery's ${ms(run.ms)} go (${attribution.rounds} rounds, ${attribution.perRound} emails each, median ${ms(attribution.roundMs.median)} a round):`);
    console.log(`      this process's CPU (the sink runs apart)    ${ms(attribution.nodeCpuMs.user + attribution.nodeCpuMs.system).padStart(10)}   ${perEmail(attribution.nodeCpuMs.user + attribution.nodeCpuMs.system)}; its event loop busy ${(attribution.eventLoopUtilization * 100).toFixed(0)} % of the time`);
    if (attribution.machineBusyMs !== null)
      console.log(`      the machine's CPU, all processes           ${ms(attribution.machineBusyMs).padStart(10)}   ${(attribution.machineBusyMs / run.ms).toFixed(2)} of ${attribution.cores} cores busy on average (the rest: PostgreSQL, and whatever else runs)`);
    console.log(`      rendering, at the baseline's speed         ${ms(attribution.renderEstimateMs).padStart(10)}   ${share(attribution.renderEstimateMs)}`);
    if (SPANS) {
      console.log(`      a statement in flight                      ${ms(attribution.databaseBusyMs).padStart(10)}   ${share(attribution.databaseBusyMs)}; ${attribution.statementsPerRound} statements a round`);
      console.log(`      an SMTP send in flight                     ${ms(attribution.smtpBusyMs).padStart(10)}   ${share(attribution.smtpBusyMs)}; a send's median ${attribution.sendMs.median} ms`);
      console.log(`      ${"statement (time from sent to answered, queueing included)".padEnd(58)} ${"count".padStart(7)} ${"total".padStart(10)} ${"median".padStart(9)}`);
      for (const row of attribution.byStatement) console.log(`      ${row.kind.padEnd(58)} ${String(row.count).padStart(7)} ${ms(row.totalMs).padStart(10)} ${`${row.medianMs} ms`.padStart(9)}`);
    }
    if (run.profile) {
      console.log(`  this process's CPU profile of the delivery (written to ${CPU_PROFILE}), by the innermost frame's package:`);
      for (const row of run.profile) console.log(`      ${row.category.padEnd(66)} ${ms(row.ms).padStart(10)} ${`${(row.share * 100).toFixed(1)} %`.padStart(7)}`);
    }
    if (NODE_ENV !== "production") console.log(`  NODE_ENV is ${NODE_ENV}: React's development build renders (npm run bench:surveys runs the production build).`);
    console.log(`  load average ${report.loadAverage.beforeDelivery} before the delivery, ${report.loadAverage.afterDelivery} after, on ${availableParallelism()} cores.`);
    console.log(`  PostgreSQL ${server.version}, synchronous_commit ${server.synchronousCommit}, jit ${server.jit}; Node ${process.version}.`);
    console.log(`\nVerified: ${verified ? "yes" : "NO"} — ${Object.entries(checks).map(([check, ok]) => `${check} ${ok ? "ok" : "FAILED"}`).join(", ")}.`);
    console.log(`Total ${report.totalRuntimeS} s. Figures written to test-results/bench/survey-delivery.json.`);
    if (!verified) {
      console.error(`\n*** SURVEY DELIVERY BENCH FAILED: the sink got ${sink.stats.messages} messages for ${SURVEYS} surveys; rows ${JSON.stringify(rows.byStatus)}; last error: ${run.lastError ?? "none"} ***`);
      process.exitCode = 1;
    }
  } finally {
    await sink.close();
    if (created) await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

await main();
