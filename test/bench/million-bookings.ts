/*
 * The 1,000,000-booking data set the benchmarks at scale share (reports, the host's lists): 1,000 hosts
 * (1,000 bookings each) in 50 teams of 20 (one ADMIN each; team event types priced in EUR or USD,
 * JPY and for every third team GBP, one of them free; each host's own paid and free event types),
 * spread over two years up to two weeks from now: ~70 % checked out (ACTIVE), ~2 % checked out and
 * undone, ~5 % every attendee no-show, ~8 % cancelled, ~3 % pending, the rest confirmed and never
 * checked out; 1–3 attendees among 80 clients per host; payments and surveys as a live install would
 * have them. BENCH_BOOKINGS scales it down (100000: 100 hosts in 5 teams, still 1,000 bookings each).
 */
import { randomBytes } from "node:crypto";

import setupTemplate from "../support/global-setup";
import { databaseUrl, templateDatabaseName, withAdminClient } from "../support/postgres";
import { round, sqlTimestamp, timed, withClient } from "./bench-support";

export const BOOKINGS_PER_HOST = 1_000;
export const TEAM_SIZE = 20;
/** Whole teams of 20: BENCH_BOOKINGS=100000 gives 100 hosts in 5 teams. */
export const HOSTS = Math.max(TEAM_SIZE, Math.round(Number(process.env.BENCH_BOOKINGS ?? 1_000_000) / BOOKINGS_PER_HOST / TEAM_SIZE) * TEAM_SIZE);
export const TEAMS = HOSTS / TEAM_SIZE;
/** The hosts' zones, by host id modulo 6 (the report reads its days in the caller's zone). */
export const ZONES = ["Europe/London", "Europe/Paris", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles"] as const;
/** The bookings span two years: from 716 days before today to 14 days after it (UTC days). */
export const DAYS_BACK = 716;
export const DAYS_AHEAD = 14;
/** Each team's event types get ids (team − 1) × 4 + 1…4; a host's own ones follow them. */
export const TEAM_TYPE_SLOTS = 4;

export const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Data: every statement set-based (generate_series, INSERT … SELECT), on one connection.
// ---------------------------------------------------------------------------------------------

export async function loadMillionBookings(url: string, today: Date) {
  const start = sqlTimestamp(new Date(today.getTime() - DAYS_BACK * DAY_MS));
  const now = sqlTimestamp(new Date());
  const ownTypesFrom = TEAMS * TEAM_TYPE_SLOTS;
  const steps: Array<[string, string, unknown[]?]> = [
    // The rows are consistent by construction; foreign-key triggers are off for the load only.
    ["load settings", "SET session_replication_role = replica; SET work_mem = '256MB'; SELECT setseed(0.42)"],
    ["app", `INSERT INTO "App" ("slug", "dirName", "categories", "enabled", "updatedAt") VALUES ('session-checkout', 'session-checkout', ARRAY['other']::"AppCategories"[], true, now())`],
    [
      "hosts",
      `INSERT INTO "users" ("id", "uuid", "email", "name", "timeZone")
       SELECT h, gen_random_uuid(), 'host-' || h || '@bench.example', 'Host ' || h, ($2::text[])[1 + h % cardinality($2::text[])] FROM generate_series(1, $1::int) h`,
      [HOSTS, [...ZONES]],
    ],
    ["installs", `INSERT INTO "Credential" ("type", "key", "userId", "appId") SELECT 'session-checkout_other', '{}'::jsonb, h, 'session-checkout' FROM generate_series(1, $1::int) h`, [HOSTS]],
    ["teams", `INSERT INTO "Team" ("id", "name", "slug") SELECT t, 'Team ' || t, 'team-' || t FROM generate_series(1, $1::int) t`, [TEAMS]],
    [
      "memberships",
      `INSERT INTO "Membership" ("teamId", "userId", "accepted", "role")
       SELECT (h - 1) / $2::int + 1, h, true, CASE WHEN (h - 1) % $2::int = 0 THEN 'ADMIN' ELSE 'MEMBER' END::"MembershipRole" FROM generate_series(1, $1::int) h`,
      [HOSTS, TEAM_SIZE],
    ],
    [
      "event types",
      `INSERT INTO "EventType" ("id", "title", "slug", "length", "price", "currency", "teamId", "userId")
       SELECT (t - 1) * $3::int + k, title, slug, length, price, currency, t, NULL
       FROM generate_series(1, $1::int) t
       CROSS JOIN LATERAL (VALUES
         (1, 'Consultation', 'consultation', 60, 12000, CASE WHEN t % 2 = 0 THEN 'eur' ELSE 'usd' END),
         (2, 'Workshop', 'workshop', 120, 15000, 'jpy'),
         (3, 'Intro call', 'intro', 30, 0, 'usd'),
         (4, 'Group class', 'group-class', 90, 4500, 'gbp')
       ) types(k, title, slug, length, price, currency)
       WHERE k < 4 OR t % 3 = 0
       UNION ALL
       SELECT $4::int + (h - 1) * 2 + k, title, slug, length, price, currency, NULL, h
       FROM generate_series(1, $2::int) h
       CROSS JOIN LATERAL (VALUES
         (1, 'Session', 'session', 50, 9000, (ARRAY['eur', 'usd', 'gbp'])[1 + h % 3]),
         (2, 'Quick call', 'quick-call', 20, 0, 'usd')
       ) types(k, title, slug, length, price, currency)`,
      [TEAMS, HOSTS, TEAM_TYPE_SLOTS, ownTypesFrom],
    ],
    // One row per booking to be: host, event type, start, what happened to it, and the random draws
    // the later steps read. Booking ids follow start time across hosts, as a live table's creation
    // order roughly would, so one host's year is spread over the whole table.
    [
      "plan",
      `CREATE TEMP TABLE plan AS
       WITH slots AS (
         SELECT h AS host, (h - 1) / $5::int + 1 AS team, j, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6,
                $2::timestamp + make_interval(mins => 15 * floor(random() * ($6::int * 96))::int) AS start_time
         FROM generate_series(1, $1::int) h CROSS JOIN generate_series(1, $3::int) j
       ), typed AS (
         SELECT s.*,
                CASE WHEN r6 < 0.01 THEN NULL
                     WHEN r6 < 0.61 THEN (team - 1) * $7::int + CASE WHEN r6 < 0.34 THEN 1 WHEN r6 < 0.52 THEN 2 WHEN r6 < 0.56 OR team % 3 <> 0 THEN 3 ELSE 4 END
                     ELSE $8::int + (host - 1) * 2 + CASE WHEN r6 < 0.93 THEN 1 ELSE 2 END
                END AS event_type_id
         FROM slots s
       ), timed AS (
         SELECT t.*, coalesce(et."price", 0) AS price, et."currency", t.start_time + make_interval(mins => coalesce(et."length", 45)) AS end_time
         FROM typed t LEFT JOIN "EventType" et ON et."id" = t.event_type_id
       ), decided AS (
         SELECT t.*,
                CASE WHEN r1 < 0.005 THEN 'rejected' WHEN r1 < 0.08 THEN 'cancelled' WHEN r1 < 0.11 THEN 'pending'
                     WHEN end_time > $4::timestamp THEN 'upcoming'
                     WHEN r1 < 0.81 THEN 'completed' WHEN r1 < 0.83 THEN 'undone' WHEN r1 < 0.88 THEN 'noshow' ELSE 'confirmed' END AS state,
                CASE WHEN r2 < 0.75 THEN 1 WHEN r2 < 0.93 THEN 2 ELSE 3 END AS attendees
         FROM timed t
       )
       SELECT row_number() OVER (ORDER BY start_time, host, j)::int AS id, d.*,
              CASE state WHEN 'rejected' THEN 'rejected' WHEN 'cancelled' THEN 'cancelled' WHEN 'pending' THEN 'pending' ELSE 'accepted' END::"BookingStatus" AS status,
              CASE WHEN state = 'noshow' THEN 'all' WHEN state = 'completed' AND attendees > 1 AND r5 < 0.2 THEN 'partial' ELSE 'none' END AS noshow
       FROM decided d`,
      [HOSTS, start, BOOKINGS_PER_HOST, now, TEAM_SIZE, DAYS_BACK + DAYS_AHEAD, TEAM_TYPE_SLOTS, ownTypesFrom],
    ],
    [
      "bookings",
      `INSERT INTO "Booking" ("id", "uid", "userId", "eventTypeId", "title", "startTime", "endTime", "createdAt", "updatedAt", "status", "paid")
       SELECT id, 'bench-' || id, host, event_type_id, 'Session', start_time, end_time, start_time - interval '9 days', start_time - interval '9 days', status, price > 0 AND r3 < 0.74
       FROM plan ORDER BY id`,
    ],
    // Clients: 80 per host; a few legacy rows with noShow NULL.
    [
      "attendees",
      `INSERT INTO "Attendee" ("email", "name", "timeZone", "bookingId", "noShow")
       SELECT 'client.' || p.host || '.' || c || '@clients.example', 'Client ' || p.host || '-' || c, 'Europe/London', p.id,
              CASE p.noshow WHEN 'all' THEN true WHEN 'partial' THEN n = 0 ELSE CASE WHEN (p.id + n) % 37 = 0 THEN NULL ELSE false END END
       FROM plan p CROSS JOIN LATERAL generate_series(0, p.attendees - 1) n CROSS JOIN LATERAL (SELECT (p.j * 7 + n) % 80 AS c) client
       ORDER BY p.id, n`,
    ],
    [
      "checkouts",
      `INSERT INTO "App_SessionCheckout_Checkout" ("bookingId", "state", "method", "checkedOutAt", "checkedOutById", "undoneAt", "undoneById")
       SELECT id, CASE state WHEN 'undone' THEN 'UNDONE' ELSE 'ACTIVE' END::"App_SessionCheckout_CheckoutState",
              CASE WHEN id % 5 < 3 THEN 'AUTO' ELSE 'MANUAL' END::"App_SessionCheckout_Method",
              end_time + interval '1 hour', CASE WHEN id % 5 < 3 THEN NULL ELSE host END,
              CASE WHEN state = 'undone' THEN end_time + interval '2 hours' END, CASE WHEN state = 'undone' THEN host END
       FROM plan WHERE state IN ('completed', 'undone') ORDER BY id`,
    ],
    // Paid, completed sessions: 74 % paid (3 % of those refunded), 2 % a failed attempt only;
    // cancelled paid sessions: 30 % a refunded payment. Currencies as the processor writes them.
    [
      "payments",
      `INSERT INTO "Payment" ("uid", "appId", "bookingId", "amount", "fee", "currency", "success", "refunded", "data", "externalId")
       SELECT 'bench-pay-' || id, NULL, id, price, price / 30, CASE WHEN id % 2 = 0 THEN upper(currency) ELSE currency END,
              r3 < 0.74 OR state = 'cancelled', r3 < 0.022 OR state = 'cancelled', '{}'::jsonb, 'bench-ext-' || id
       FROM plan
       WHERE price > 0 AND ((state = 'completed' AND r3 < 0.76) OR (state = 'cancelled' AND r3 < 0.3))
       ORDER BY id`,
    ],
    // A survey for every present attendee of a completed session; answered with a rating on 30 % of the sessions.
    [
      "surveys",
      `INSERT INTO "App_SessionCheckout_Survey" ("bookingId", "attendeeEmail", "attendeeName", "status", "attempts", "nextAttemptAt", "queuedAt", "sentAt", "answeredAt", "rating")
       SELECT a."bookingId", lower(a."email"), a."name",
              CASE WHEN p.r4 < 0.30 THEN 'ANSWERED' ELSE 'SENT' END::"App_SessionCheckout_SurveyStatus", 1,
              p.end_time + interval '1 hour', p.end_time + interval '1 hour', p.end_time + interval '61 minutes',
              CASE WHEN p.r4 < 0.30 THEN p.end_time + interval '1 day' END,
              CASE WHEN p.r4 < 0.30 THEN (ARRAY[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + (a."id" % 10)] END
       FROM plan p JOIN "Attendee" a ON a."bookingId" = p.id
       WHERE p.state = 'completed' AND a."noShow" IS NOT TRUE ORDER BY a."bookingId", a."id"`,
    ],
    [
      "sequences",
      `SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max("id") FROM "users")),
              setval(pg_get_serial_sequence('"Team"', 'id'), (SELECT max("id") FROM "Team")),
              setval(pg_get_serial_sequence('"EventType"', 'id'), (SELECT max("id") FROM "EventType")),
              setval(pg_get_serial_sequence('"Booking"', 'id'), (SELECT max("id") FROM "Booking"))`,
    ],
  ];
  return withClient(url, async (client) => {
    const stepMs: Record<string, number> = {};
    for (const [label, sql, params] of steps) stepMs[label] = round((await timed(() => client.query(sql, params))).ms, 0);
    const { rows: mix } = await client.query<{ state: string; bookings: number; share: number; attendees: number; teamEventType: number }>(
      `SELECT state, count(*)::int AS bookings, round(count(*) * 100.0 / sum(count(*)) OVER (), 2)::float8 AS share, sum(attendees)::int AS attendees,
              count(*) FILTER (WHERE event_type_id <= $1::int)::int AS "teamEventType"
       FROM plan GROUP BY 1 ORDER BY 2 DESC`,
      [TEAMS * TEAM_TYPE_SLOTS],
    );
    await client.query("DROP TABLE plan; RESET session_replication_role; RESET work_mem");
    // What autovacuum would have done to a live table: statistics and the visibility map.
    stepMs["vacuum analyze"] = round((await timed(() => client.query("VACUUM (ANALYZE)"))).ms, 0);
    await client.query("CHECKPOINT");
    const { rows: totals } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM "users")::int AS hosts, (SELECT count(*) FROM "Team")::int AS teams, (SELECT count(*) FROM "EventType")::int AS "eventTypes",
              (SELECT count(*) FROM "Booking")::int AS bookings, (SELECT count(*) FROM "Attendee")::int AS attendees,
              (SELECT count(*) FROM "App_SessionCheckout_Checkout")::int AS checkouts,
              (SELECT count(*) FROM "Payment")::int AS payments, (SELECT count(*) FROM "Payment" WHERE "refunded")::int AS "refundedPayments",
              (SELECT count(*) FROM "App_SessionCheckout_Survey")::int AS surveys, (SELECT count(*) FROM "App_SessionCheckout_Survey" WHERE "rating" IS NOT NULL)::int AS ratings,
              (pg_database_size(current_database()) / 1048576)::int AS "databaseMb"`,
    );
    return { stepMs, mix, totals: totals[0]! };
  });
}


/**
 * A database of the benchmark's own, cloned from the migrated template and loaded with the data set
 * (today to the hour: the data runs up to two weeks after it); dropped afterwards, unless
 * BENCH_KEEP_DATABASE=1 keeps it for looking at plans by hand.
 */
export async function withMillionBookings<T>(
  label: string,
  run: (loaded: { url: string; today: Date; load: { ms: number; result: Awaited<ReturnType<typeof loadMillionBookings>> } }) => Promise<T>,
): Promise<T> {
  await setupTemplate();
  const name = `session_checkout_bench_${label}_${randomBytes(3).toString("hex")}`;
  const url = databaseUrl(name);
  const today = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`));
  try {
    console.log(`Loading ${HOSTS.toLocaleString("en")} hosts in ${TEAMS} teams × ${BOOKINGS_PER_HOST.toLocaleString("en")} bookings …`);
    const load = await timed(() => loadMillionBookings(url, today));
    console.log(`  loaded in ${(load.ms / 1000).toFixed(1)} s: ${JSON.stringify(load.result.totals)}`);
    return await run({ url, today, load });
  } finally {
    if (process.env.BENCH_KEEP_DATABASE) console.log(`Kept database ${name}.`);
    else await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
