import type { PrismaClient } from "@calcom/prisma";

import { SESSION_STATUS_LABELS, type SessionStatus } from "../status";
import { resolveScope, sessionsInRange, type ReportInput } from "./reports";

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
  title: string;
  eventType: string | null;
  host: string;
  status: SessionStatus;
  statusLabel: string;
  /** "Name <email>", in the order they booked. */
  attendees: string[];
  /** The clients' answered survey ratings (1–5). */
  ratings: number[];
  /** As the report's `collected` counts it: successful, not refunded payments of a completed session (minor units). */
  collected: Array<{ currency: string; amount: number }>;
}

export interface ReportSessions {
  timeZone: string;
  rows: ReportSessionRow[];
  /** Sessions in the range; more than `rows.length` when the export was cut at the limit. */
  total: number;
  truncated: boolean;
}

type Row = Omit<ReportSessionRow, "statusLabel" | "collected"> & { collected: Array<{ currency: string; amount: number | string }> | null; total: number };

export async function listReportSessions(db: PrismaClient, input: ReportInput): Promise<ReportSessions> {
  const scope = await resolveScope(db, input);
  const rows = await db.$queryRaw<Row[]>`
    WITH ${sessionsInRange(input, scope.sql)}
    SELECT s."id" AS "bookingId",
           to_char((s."startTime" AT TIME ZONE 'UTC') AT TIME ZONE ${input.timeZone}, 'YYYY-MM-DD HH24:MI') AS start,
           b."title", et."title" AS "eventType", coalesce(nullif(btrim(u."name"), ''), u."email", '') AS host, s.status,
           coalesce((SELECT array_agg(at."name" || ' <' || at."email" || '>' ORDER BY at."id") FROM "Attendee" at WHERE at."bookingId" = s."id"), '{}') AS attendees,
           coalesce((SELECT array_agg(sv."rating" ORDER BY sv."id") FROM "App_SessionCheckout_Survey" sv
                     WHERE sv."bookingId" = s."id" AND sv."status" = 'ANSWERED' AND sv."rating" IS NOT NULL), '{}') AS ratings,
           (SELECT json_agg(json_build_object('currency', p.currency, 'amount', p.amount) ORDER BY p.currency)
            FROM (SELECT lower(p."currency") AS currency, sum(p."amount")::bigint AS amount FROM "Payment" p
                  WHERE p."bookingId" = s."id" AND p."success" AND NOT p."refunded" GROUP BY lower(p."currency")) p
            WHERE s.status = 'COMPLETED') AS collected,
           (count(*) OVER ())::int AS total
    FROM sessions s
    JOIN "Booking" b ON b."id" = s."id"
    LEFT JOIN "EventType" et ON et."id" = s."eventTypeId"
    LEFT JOIN "users" u ON u."id" = s."userId"
    ORDER BY s."startTime", s."id"
    LIMIT ${REPORT_SESSIONS_LIMIT}`;

  const total = rows[0]?.total ?? 0;
  return {
    timeZone: input.timeZone,
    total,
    truncated: total > rows.length,
    rows: rows.map(({ total: _total, collected, ...row }) => ({
      ...row,
      statusLabel: SESSION_STATUS_LABELS[row.status],
      // json_agg hands bigint sums back as JSON numbers; a sum past 2^53 minor units is not a session's.
      collected: (collected ?? []).map((money) => ({ currency: money.currency, amount: Number(money.amount) })),
    })),
  };
}
