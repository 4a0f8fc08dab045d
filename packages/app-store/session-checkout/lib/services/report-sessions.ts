import type { PrismaClient } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";

import { SESSION_STATUS_LABELS, type SessionStatus } from "../status";
import { awaitingCheckout, readInZone, resolveScope, sessionMoney, sessionsInRange, type ReportInput } from "./reports";

/*
 * The sessions behind a report, one row each, for the CSV export: the same sessions (same range,
 * zone, event type and scope rules) that `buildReport` counts, in start order.
 */

/** Rows in one export; a spreadsheet opens that many comfortably, and the page says when more were left out. */
export const REPORT_SESSIONS_LIMIT = 10_000;

export interface ReportSessionRow {
  bookingId: number;
  /** "YYYY-MM-DD HH:MM" in the report's zone. */
  start: string;
  end: string;
  title: string;
  eventType: string | null;
  host: string;
  status: SessionStatus;
  /** Confirmed and ended, not checked out: what the report counts as awaiting checkout. */
  awaitingCheckout: boolean;
  statusLabel: string;
  /** "Name <email>", in the order they booked; "(no-show)" after a client marked absent. */
  attendees: string[];
  /** The clients' answered survey ratings (1–5). */
  ratings: number[];
  /** As the report counts it (`sessionMoney`), per kind and currency, in minor units. */
  collected: Money[];
  refunded: Money[];
  listValue: Money[];
}

type Money = { currency: string; amount: number };

export interface ReportSessions {
  timeZone: string;
  rows: ReportSessionRow[];
  /** Sessions in the range; more than `rows.length` when the export was cut at the limit. */
  total: number;
  truncated: boolean;
}

type MoneyRow = { kind: "collected" | "refunded" | "listValue"; currency: string; amount: number | string };
type Row = Omit<ReportSessionRow, "statusLabel" | "collected" | "refunded" | "listValue"> & { money: MoneyRow[] | null; total: number };

export async function listReportSessions(db: PrismaClient, input: ReportInput): Promise<ReportSessions> {
  const scope = await resolveScope(db, input);
  const now = input.now ?? new Date();
  const local = (column: Prisma.Sql) => Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${input.timeZone}, 'YYYY-MM-DD HH24:MI')`;
  const rows = await readInZone(input.timeZone, db.$queryRaw<Row[]>`
    WITH ${sessionsInRange(input, scope.sql, { materialized: true })},
    ${sessionMoney()},
    money_per_session AS (
      SELECT m."id", json_agg(json_build_object('kind', m.kind, 'currency', m.currency, 'amount', m.amount) ORDER BY m.kind, m.currency) AS money
      FROM (SELECT "id", kind, currency, sum(amount)::bigint AS amount FROM money GROUP BY "id", kind, currency) m
      GROUP BY m."id"
    )
    SELECT s."id" AS "bookingId", ${local(Prisma.sql`s."startTime"`)} AS start, ${local(Prisma.sql`s."endTime"`)} AS "end",
           b."title", et."title" AS "eventType", coalesce(nullif(btrim(u."name"), ''), u."email", '') AS host, s.status,
           (${awaitingCheckout(now)}) AS "awaitingCheckout",
           coalesce((SELECT array_agg(at."name" || ' <' || at."email" || '>' || CASE WHEN at."noShow" IS TRUE THEN ' (no-show)' ELSE '' END ORDER BY at."id")
                     FROM "Attendee" at WHERE at."bookingId" = s."id"), '{}') AS attendees,
           coalesce((SELECT array_agg(sv."rating" ORDER BY sv."id") FROM "App_SessionCheckout_Survey" sv
                     WHERE sv."bookingId" = s."id" AND sv."status" = 'ANSWERED' AND sv."rating" IS NOT NULL), '{}') AS ratings,
           mps.money,
           (count(*) OVER ())::int AS total
    FROM sessions s
    JOIN "Booking" b ON b."id" = s."id"
    LEFT JOIN "EventType" et ON et."id" = s."eventTypeId"
    LEFT JOIN "users" u ON u."id" = s."userId"
    LEFT JOIN money_per_session mps ON mps."id" = s."id"
    ORDER BY s."startTime", s."id"
    LIMIT ${REPORT_SESSIONS_LIMIT}`);

  const total = rows[0]?.total ?? 0;
  return {
    timeZone: input.timeZone,
    total,
    truncated: total > rows.length,
    rows: rows.map(({ total: _total, money, ...row }) => {
      // json_agg hands bigint sums back as JSON numbers; a sum past 2^53 minor units is not a session's.
      const of = (kind: MoneyRow["kind"]) => (money ?? []).filter((m) => m.kind === kind).map((m) => ({ currency: m.currency, amount: Number(m.amount) }));
      return {
        ...row,
        statusLabel: row.awaitingCheckout ? "Awaiting checkout" : SESSION_STATUS_LABELS[row.status],
        collected: of("collected"),
        refunded: of("refunded"),
        listValue: of("listValue"),
      };
    }),
  };
}
