import type { PrismaTransaction } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";

import { APP_SLUG } from "../installation";

export interface DueSession {
  bookingId: number;
  hostUserId: number;
  dueAt: Date;
  /** The host's no-back-fill line: it moves each time auto-checkout is switched on again. */
  endedAfter: Date;
}

export interface DueSessionsWindow {
  /** Sessions due at or before this instant… */
  dueBy: Date;
  /** …and, when given, due strictly after this one (the scheduler's look-ahead). */
  dueAfter?: Date;
  /** Paging: only sessions after this one in the query's order (due time, then booking id). */
  after?: { dueAt: Date; bookingId: number };
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
export async function findDueSessions(db: PrismaTransaction, { dueBy, dueAfter, after, limit }: DueSessionsWindow): Promise<DueSession[]> {
  const lookAhead = dueAfter ? Prisma.sql`AND b."endTime" > ${dueAfter}::timestamp - make_interval(mins => s."autoCheckoutDelayMinutes")` : Prisma.empty;
  const page = after ? Prisma.sql`AND (b."endTime" + make_interval(mins => s."autoCheckoutDelayMinutes"), b."id") > (${after.dueAt}::timestamp, ${after.bookingId}::int)` : Prisma.empty;
  return db.$queryRaw<DueSession[]>`
    SELECT b."id" AS "bookingId", b."userId" AS "hostUserId",
           b."endTime" + make_interval(mins => s."autoCheckoutDelayMinutes") AS "dueAt",
           s."autoCheckoutEndedAfter" AS "endedAfter"
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
      AND NOT EXISTS (SELECT 1 FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = b."id")
      -- … and not No Show: some attendee not marked absent, or no attendees at all
      AND (
        EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id" AND a."noShow" IS NOT TRUE)
        OR NOT EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id")
      )
    ORDER BY "dueAt" ASC, b."id" ASC
    LIMIT ${limit}`;
}
