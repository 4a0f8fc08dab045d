import type { PrismaTransaction } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";
import type { BookingStatus } from "@calcom/prisma/enums";

import type { Actor } from "../actor";
import type { CheckedOwnership } from "../booking-access";
import { bookingNotFound, SessionCheckoutError } from "../errors";
import { APP_SLUG, isInstalledFor, NOT_INSTALLED_MESSAGE } from "../installation";
import { DEFAULT_SETTINGS } from "../settings";
import type { CheckoutState } from "../status";
import type { SessionSnapshot } from "../transitions";
import { snapshotOf } from "./session-snapshot";

export interface LockedSession {
  bookingId: number;
  hostUserId: number | null;
  endTime: Date;
  /** The attendee rows behind the snapshot (several rows may share an email). */
  attendeeRows: ReadonlyArray<{ id: number; email: string; noShow: boolean }>;
  snapshot: SessionSnapshot;
  /** The host's survey setting, read under the lock when asked for (`withSurveySetting`). */
  hostSurveysEnabled?: boolean;
}

/** What one action folds into the statements it makes anyway, instead of round trips of their own. */
export interface LockExtras {
  /** The caller (a user) must have installed the app: checked in the first statement, FORBIDDEN before anything is locked. */
  requireInstalled?: boolean;
  /** Read the host's survey setting with the session (a checkout needs it). */
  withSurveySetting?: boolean;
  /** For a user: the organizer and event type the access check saw; a booking changed since is not locked (not found). */
  checkedOwnership?: CheckedOwnership;
}

/**
 * The installed check as a filter on a statement's booking `b` (null: no check): a caller without
 * the app locks nothing. Who may act on the booking is asked before (booking-access.ts).
 */
export function installedFilterSql(installedFor: number | null): Prisma.Sql {
  return Prisma.sql`(${installedFor}::int IS NULL OR EXISTS (SELECT 1 FROM "Credential" c WHERE c."userId" = ${installedFor}::int AND c."appId" = ${APP_SLUG}))`;
}

/**
 * Locks the bookings and their attendee rows for the rest of the transaction, reading what the
 * rules need as it locks them. The booking lock serialises every change the app makes to one session; the
 * attendee locks also hold off Cal.com's own no-show writes (which never take the booking lock),
 * so the attendees the rules read are the ones that count until the transaction ends. Rows are
 * locked in id order, so two batches never deadlock. Ids that do not exist are left out. For a
 * user, the caller has asked who may act first (booking-access.ts, before the transaction: a
 * stranger's refused calls never touch a host's row).
 */
export async function lockSessionsForChange(tx: PrismaTransaction, bookingIds: ReadonlyArray<number>, actor: Actor, extras: LockExtras = {}): Promise<LockedSession[]> {
  const ids = Array.from(new Set(bookingIds));
  if (ids.length === 0) return [];
  const installedFor = extras.requireInstalled === true && actor.kind === "user" ? actor.userId : null;
  // The lock on its own: a statement that waited for a lock reads the other tables as they were
  // when it began, so the reads come after it. The installed check is its filter: a caller without
  // the app locks nothing. NOWAIT: a row someone else holds fails the statement at once; the caller
  // lets its connection go and tries again (session-busy.ts) rather than waiting with it.
  const owner = extras.checkedOwnership;
  const sameOwnership = owner
    ? Prisma.sql`AND b."userId" IS NOT DISTINCT FROM ${owner.userId}::int AND b."eventTypeId" IS NOT DISTINCT FROM ${owner.eventTypeId}::int`
    : Prisma.empty;
  const locked = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT b."id" FROM "Booking" b
    WHERE b."id" = ANY(${ids}::int[]) AND ${installedFilterSql(installedFor)} ${sameOwnership}
    ORDER BY b."id"
    FOR NO KEY UPDATE OF b NOWAIT`;
  if (locked.length === 0) {
    // Nothing passed: a caller who has not installed the app is told so, anyone else finds nothing.
    if (installedFor !== null && !(await isInstalledFor(tx, installedFor))) throw new SessionCheckoutError("FORBIDDEN", NOT_INSTALLED_MESSAGE);
    return [];
  }
  const surveySetting = extras.withSurveySetting
    ? Prisma.sql`, (SELECT s."surveysEnabled" FROM "App_SessionCheckout_Settings" s WHERE s."userId" = b."userId") AS "surveysEnabled"`
    : Prisma.empty;
  // One statement reads the locked bookings and locks their attendee rows (in id order, like the
  // bookings). It begins after the booking lock is held, so what it reads is what the lock
  // protects; the attendee rows it locks are read in their latest version, even after a wait.
  // MATERIALIZED: the CTE runs once, locking every row, however the outer query reads it.
  type AttendeeRow = { id: number; email: string; name: string; noShow: boolean | null };
  const bookings = await tx.$queryRaw<Array<{ id: number; userId: number | null; status: BookingStatus; startTime: Date; endTime: Date; checkoutState: CheckoutState | null; surveysEnabled?: boolean | null; attendees: AttendeeRow[] }>>`
    WITH "lockedAttendees" AS MATERIALIZED (
      SELECT "id", "bookingId", "email", "name", "noShow" FROM "Attendee"
      WHERE "bookingId" = ANY(${locked.map((row) => row.id)}::int[])
      ORDER BY "id"
      FOR NO KEY UPDATE NOWAIT
    )
    -- upper(): the enum's database values are Cal.com's names in lower case ('accepted' is ACCEPTED).
    -- Correlated look-ups, one primary-key probe a row: a join would hash every checkout ever made.
    SELECT b."id", b."userId", upper(b."status"::text) AS "status", b."startTime", b."endTime",
           (SELECT c."state"::text FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = b."id") AS "checkoutState",
           COALESCE((SELECT json_agg(json_build_object('id', a."id", 'email', a."email", 'name', a."name", 'noShow', a."noShow") ORDER BY a."id")
                     FROM "lockedAttendees" a WHERE a."bookingId" = b."id"), '[]'::json) AS "attendees"
           ${surveySetting}
    FROM "Booking" b
    WHERE b."id" = ANY(${locked.map((row) => row.id)}::int[])
    ORDER BY b."id"`;

  return bookings.map((booking) => {
    const rows = booking.attendees;
    return {
      bookingId: booking.id,
      hostUserId: booking.userId,
      endTime: booking.endTime,
      attendeeRows: rows.map(({ id, email, noShow }) => ({ id, email, noShow: noShow === true })),
      snapshot: snapshotOf({ status: booking.status, startTime: booking.startTime, attendees: rows, sessionCheckout: booking.checkoutState ? { state: booking.checkoutState } : null }),
      // A host who never saved settings has the defaults.
      ...(extras.withSurveySetting ? { hostSurveysEnabled: booking.surveysEnabled ?? DEFAULT_SETTINGS.surveysEnabled } : {}),
    };
  });
}

/** One session, locked as above; a booking the actor may not act on is "not found". */
export async function lockSessionForChange(tx: PrismaTransaction, bookingId: number, actor: Actor, extras: LockExtras = {}): Promise<LockedSession> {
  const [session] = await lockSessionsForChange(tx, [bookingId], actor, extras);
  if (!session) throw bookingNotFound();
  return session;
}
