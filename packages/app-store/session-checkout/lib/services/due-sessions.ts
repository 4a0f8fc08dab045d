import type { PrismaClient, PrismaTransaction } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";

import { APP_SLUG } from "../installation";
import { CONNECTION_WAIT } from "./transaction-options";

export interface DueSession {
  bookingId: number;
  hostUserId: number;
  dueAt: Date;
  /** When the host last switched auto-checkout on. */
  enabledAt: Date | null;
}

/** A position in the due query's order: due time, then booking id. */
export type DueCursor = { dueAt: Date; bookingId: number };

export interface DueSessionsWindow {
  /** Sessions due at or before this instant… */
  dueBy: Date;
  /** …and, when given, due strictly after this one (the scheduler's look-ahead). */
  dueAfter?: Date;
  /** Paging: only sessions after this one in the query's order (due time, then booking id). */
  after?: DueCursor;
  limit: number;
}

/*
 * The auto-checkout due rule (lib/auto-checkout.ts, `decideAutoCheckout`) as one SQL query, for
 * the scheduler: with `dueBy = now` it selects exactly the sessions the rule calls due at `now`.
 * The rule is the source; a property-based test over random bookings holds this query equal to it.
 * Each condition names the line of the rule it mirrors.
 *
 * Index: Booking(userId, status, endTime), from the app's schema extension. Hosts with
 * auto-checkout on drive a nested loop; each reads only its accepted sessions in the end-time range.
 */
export async function findDueSessions(db: PrismaClient, window: DueSessionsWindow): Promise<DueSession[]> {
  // JIT off: the planner cannot tell how short each host's range is, prices the query high enough to
  // compile it, and compiling took 15–300 ms of a query that runs in a few.
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return selectDueSessions(tx, window);
  }, { ...CONNECTION_WAIT, timeout: 60_000 });
}

async function selectDueSessions(db: PrismaTransaction, { dueBy, dueAfter, after, limit }: DueSessionsWindow): Promise<DueSession[]> {
  const lookAhead = dueAfter ? Prisma.sql`AND b."endTime" > ${dueAfter}::timestamp - make_interval(mins => s."autoCheckoutDelayMinutes")` : Prisma.empty;
  const page = after ? Prisma.sql`AND (b."endTime" + make_interval(mins => s."autoCheckoutDelayMinutes"), b."id") > (${after.dueAt}::timestamp, ${after.bookingId}::int)` : Prisma.empty;
  return db.$queryRaw<DueSession[]>`
    SELECT b."id" AS "bookingId", b."userId" AS "hostUserId",
           b."endTime" + make_interval(mins => s."autoCheckoutDelayMinutes") AS "dueAt",
           s."autoCheckoutEnabledAt" AS "enabledAt"
    FROM "App_SessionCheckout_Settings" s
    JOIN "Booking" b ON b."userId" = s."userId"
    WHERE
      -- installed: a Credential of the host's for this app
      EXISTS (SELECT 1 FROM "Credential" cr WHERE cr."userId" = s."userId" AND cr."appId" = ${APP_SLUG})
      -- auto-checkout is on (switching on always sets the line)
      AND s."autoCheckoutEnabled" AND s."autoCheckoutEndedAfter" IS NOT NULL
      -- no back-fill: the session ends after the line
      AND b."endTime" > s."autoCheckoutEndedAfter"
      -- due: end + delay has passed
      AND b."endTime" <= ${dueBy}::timestamp - make_interval(mins => s."autoCheckoutDelayMinutes")
      ${lookAhead}
      ${page}
      -- Confirmed: accepted, never checked out (an undone checkout is the host's decision) …
      AND b."status" = 'accepted'
      -- (OFFSET 0 keeps this a probe of the primary key per candidate, not a hash of every checkout ever made)
      AND NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = b."id" OFFSET 0)
      -- … and not No Show: some attendee not marked absent, or no attendees at all
      AND (
        EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id" AND a."noShow" IS NOT TRUE)
        OR NOT EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id")
      )
    ORDER BY "dueAt" ASC, b."id" ASC
    LIMIT ${limit}`;
}

/** A line is moved only when it lags by more than this, so a host's row is not rewritten every minute. */
const LINE_STEP = "10 minutes";

/**
 * After a catch-up that decided every session due by `through`, moves each host's line up to
 * `through − delay`: those sessions are decided (checked out, or not Confirmed when they fell
 * due, or the host had the app uninstalled then), so later passes never read them again — a pass
 * reads a few minutes of sessions, not every session since auto-checkout was switched on. Never
 * past a session that failed (it is tried again next pass), and not at all for a host who changed
 * when sessions fall due since a minute before the pass began (a shorter delay must not skip
 * sessions this pass did not treat as due; the minute absorbs clocks that differ between machines).
 */
export async function advanceLines(db: PrismaTransaction, { through, failedBookingIds }: { through: Date; failedBookingIds: number[] }): Promise<number> {
  return db.$executeRaw`
    UPDATE "App_SessionCheckout_Settings" s
    SET "autoCheckoutEndedAfter" = t."target"
    FROM (
      SELECT s2."userId", LEAST(
        ${through}::timestamp - make_interval(mins => s2."autoCheckoutDelayMinutes"),
        (SELECT min(b."endTime") - interval '1 millisecond' FROM "Booking" b WHERE b."id" = ANY(${failedBookingIds}::int[]) AND b."userId" = s2."userId")
      ) AS "target"
      FROM "App_SessionCheckout_Settings" s2
      WHERE s2."autoCheckoutEnabled" AND s2."autoCheckoutEndedAfter" IS NOT NULL
    ) t
    WHERE s."userId" = t."userId"
      AND s."autoCheckoutEnabled"
      AND (s."autoCheckoutScheduleChangedAt" IS NULL OR s."autoCheckoutScheduleChangedAt" < ${through}::timestamp - interval '1 minute')
      AND s."autoCheckoutEndedAfter" < t."target" - ${LINE_STEP}::interval`;
}
