import type { PrismaClient } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";
import type { BookingStatus } from "@calcom/prisma/enums";

import { mayAccessBooking } from "../booking-access";
import { auditInsertSql, type AuditEntryInput } from "../audit";
import { bookingNotFound, SessionCheckoutError } from "../errors";
import { isInstalledFor, NOT_INSTALLED_MESSAGE } from "../installation";
import { DEFAULT_SETTINGS } from "../settings";
import { sqlTimestamp } from "../sql-arrays";
import type { CheckoutState } from "../status";
import { normalizeEmail, planTransition, type TransitionPlan } from "../transitions";
import { installedFilterSql, type LockedSession } from "./locked-session";
import type { SessionActionInput, SessionActionResult } from "./session-actions";
import { snapshotOf } from "./session-snapshot";
import { surveyInsertSql } from "./survey-outbox";

/*
 * A user's checkout or undo in two statements and no transaction of its own (each statement is
 * atomic): an unlocked read, who may act asked of Cal.com (booking-access.ts), the rules in
 * TypeScript, then one statement that locks the booking and its attendees NOWAIT (the installed
 * check its filter, as in locked-session.ts), checks that what the rules read is still what is there (a fingerprint of the
 * booking, its attendees and its checkout row), and only then writes the checkout row, the surveys
 * and the History entry — each write conditional on the one before, so all or none. A session
 * changed in between is not an error: the caller runs the locking transaction instead. A busy row
 * fails the statement with lock_not_available, and the caller's retries take the locking way.
 */

/** What the rules read of the session, as text: computed alike by the read and under the lock. `b` has the booking's columns. */
function fingerprintSql(attendees: "Attendee" | "lockedAttendees"): Prisma.Sql {
  return Prisma.sql`md5(ROW(b."userId", b."eventTypeId", b."status", b."startTime", b."endTime")::text
    || ':' || COALESCE((SELECT string_agg(ROW(a."id", a."email", a."name", a."noShow")::text, ';' ORDER BY a."id")
                        FROM ${Prisma.raw(`"${attendees}"`)} a WHERE a."bookingId" = b."id"), '')
    || ':' || COALESCE((SELECT c."state"::text FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = b."id"), ''))`;
}

type ReadRow = {
  id: number;
  userId: number | null;
  status: BookingStatus;
  startTime: Date;
  endTime: Date;
  checkoutState: CheckoutState | null;
  surveysEnabled: boolean | null;
  attendees: Array<{ id: number; email: string; name: string; noShow: boolean | null }>;
  fingerprint: string;
};

/**
 * The session as the rules need it, unlocked; the caller's installation is its filter, then who may
 * act is asked (the organizer answered from the row itself). The fingerprint covers the organizer
 * and event type, so a booking reassigned before the write goes the locking way, which asks again.
 */
async function readSession(db: PrismaClient, bookingId: number, userId: number, installedFor: number | null): Promise<{ session: LockedSession; fingerprint: string }> {
  const [row] = await db.$queryRaw<ReadRow[]>`
    SELECT b."id", b."userId", upper(b."status"::text) AS "status", b."startTime", b."endTime",
           (SELECT c."state"::text FROM "App_SessionCheckout_Checkout" c WHERE c."bookingId" = b."id") AS "checkoutState",
           COALESCE((SELECT json_agg(json_build_object('id', a."id", 'email', a."email", 'name', a."name", 'noShow', a."noShow") ORDER BY a."id")
                     FROM "Attendee" a WHERE a."bookingId" = b."id"), '[]'::json) AS "attendees",
           (SELECT s."surveysEnabled" FROM "App_SessionCheckout_Settings" s WHERE s."userId" = b."userId") AS "surveysEnabled",
           ${fingerprintSql("Attendee")} AS "fingerprint"
    FROM "Booking" b
    WHERE b."id" = ${bookingId} AND ${installedFilterSql(installedFor)}`;
  if (!row) {
    if (installedFor !== null && !(await isInstalledFor(db, installedFor))) throw new SessionCheckoutError("FORBIDDEN", NOT_INSTALLED_MESSAGE);
    throw bookingNotFound();
  }
  if (!(await mayAccessBooking(db, userId, row))) throw bookingNotFound();
  return {
    fingerprint: row.fingerprint,
    session: {
      bookingId: row.id,
      hostUserId: row.userId,
      endTime: row.endTime,
      attendeeRows: row.attendees.map(({ id, email, noShow }) => ({ id, email, noShow: noShow === true })),
      snapshot: snapshotOf({ status: row.status, startTime: row.startTime, attendees: row.attendees, sessionCheckout: row.checkoutState ? { state: row.checkoutState } : null }),
      hostSurveysEnabled: row.surveysEnabled ?? DEFAULT_SETTINGS.surveysEnabled,
    },
  };
}

/** The lock, the fingerprint check and the CTE "unchanged" (the booking's id, or no row): the head of the writing statement. */
function lockedAndUnchangedSql(bookingId: number, installedFor: number | null, fingerprint: string): Prisma.Sql {
  return Prisma.sql`
    "locked" AS MATERIALIZED (
      -- A locking read returns the latest version of the row, even one committed after this statement began.
      SELECT b."id", b."userId", b."eventTypeId", b."status", b."startTime", b."endTime" FROM "Booking" b
      WHERE b."id" = ${bookingId} AND ${installedFilterSql(installedFor)}
      FOR NO KEY UPDATE OF b NOWAIT
    ), "lockedAttendees" AS MATERIALIZED (
      SELECT "id", "bookingId", "email", "name", "noShow" FROM "Attendee"
      WHERE "bookingId" IN (SELECT "id" FROM "locked")
      ORDER BY "id"
      FOR NO KEY UPDATE NOWAIT
    ), "unchanged" AS MATERIALIZED (
      SELECT b."id" FROM "locked" b WHERE ${fingerprintSql("lockedAttendees")} = ${fingerprint}
    )`;
}

/**
 * Checkout or undo for a user in one writing statement, tried once. `attempt()` answers null when
 * this action is not one it does, or has been tried: the caller then uses the locking transaction.
 * So a session changed since the read, or found busy (the caller's retry), goes the locking way —
 * measured: retrying the two statements outside a transaction, a crowd of callers on one busy
 * session slowed other hosts' calls past 100 ms. A refusal of the rules throws before any write.
 */
export function oneStatementAction(db: PrismaClient, input: SessionActionInput): { attempt: () => Promise<SessionActionResult | null> } {
  const { actor, action } = input;
  let tried = !(action === "checkout" || action === "undoCheckout");
  return {
    attempt: async () => {
      if (tried || actor.kind !== "user") return null;
      tried = true;
      return tryOnce(db, input, actor.userId);
    },
  };
}

async function tryOnce(db: PrismaClient, input: SessionActionInput, userId: number): Promise<SessionActionResult | null> {
  const now = input.now ?? new Date();
  const installedFor = input.requireInstalled === true ? userId : null;
  const { session, fingerprint } = await readSession(db, input.bookingId, userId, installedFor);
  const plan = planTransition(session.snapshot, { action: input.action, now, attendeeEmails: input.attendeeEmails, surveysEnabled: session.hostSurveysEnabled ?? DEFAULT_SETTINGS.surveysEnabled });
  if (!plan.allowed) throw new SessionCheckoutError(plan.code, plan.message);
  const head = lockedAndUnchangedSql(session.bookingId, installedFor, fingerprint);
  const written = input.action === "checkout" ? await writeCheckout(db, head, session, plan, input, now) : await writeUndo(db, head, session, plan, input, now);
  return written === null ? null : sessionActionResult(session, plan, now, written);
}

async function writeCheckout(db: PrismaClient, head: Prisma.Sql, session: LockedSession, plan: TransitionPlan, input: SessionActionInput, now: Date): Promise<number | null> {
  const state = session.snapshot.checkoutState;
  if (state === "ACTIVE") return null;
  const method = input.method ?? "MANUAL";
  const by = input.actor.kind === "user" ? input.actor.userId : null;
  const applied = Prisma.sql`EXISTS (SELECT 1 FROM "applied")`;
  const entry: AuditEntryInput = { bookingId: session.bookingId, action: "CHECKED_OUT", actor: input.actor, source: method, at: now, details: { from: plan.from, to: plan.to } };
  const [row] = await db.$queryRaw<Array<{ applied: number; queued: number }>>`
    WITH ${head}, "fresh" AS (
      INSERT INTO "App_SessionCheckout_Checkout" ("bookingId", "state", "method", "checkedOutAt", "checkedOutById")
      SELECT u."id", 'ACTIVE', ${method}::"App_SessionCheckout_Method", ${sqlTimestamp(now)}::timestamp, ${by}::int
      FROM "unchanged" u WHERE ${state === null}::boolean
      ON CONFLICT ("bookingId") DO NOTHING
      RETURNING "bookingId"
    ), "redone" AS (
      -- Conditional on the state read: the latest committed row decides, whatever this statement's snapshot.
      UPDATE "App_SessionCheckout_Checkout"
      SET "state" = 'ACTIVE', "method" = ${method}::"App_SessionCheckout_Method", "checkedOutAt" = ${sqlTimestamp(now)}::timestamp,
          "checkedOutById" = ${by}::int, "undoneAt" = NULL, "undoneById" = NULL
      WHERE ${state === "UNDONE"}::boolean AND "bookingId" IN (SELECT "id" FROM "unchanged") AND "state" = 'UNDONE'
      RETURNING "bookingId"
    ), "applied" AS (
      SELECT "bookingId" FROM "fresh" UNION ALL SELECT "bookingId" FROM "redone"
    ), "queued" AS (${surveyInsertSql([{ bookingId: session.bookingId, recipients: plan.surveyRecipients }], applied)}
    ), "history" AS (${auditInsertSql([entry], Prisma.sql`jsonb_build_object('surveysQueued', (SELECT count(*) FROM "queued"))`, applied)}
    )
    SELECT (SELECT count(*)::int FROM "applied") AS "applied", (SELECT count(*)::int FROM "queued") AS "queued"`;
  return row?.applied === 1 ? row.queued : null;
}

async function writeUndo(db: PrismaClient, head: Prisma.Sql, session: LockedSession, plan: TransitionPlan, input: SessionActionInput, now: Date): Promise<number | null> {
  // Only the plain undo (an ACTIVE checkout made UNDONE, nothing else): anything else takes the locking path.
  if (session.snapshot.checkoutState !== "ACTIVE" || plan.checkoutState !== "UNDONE" || plan.noShowChanges.length > 0) return null;
  const by = input.actor.kind === "user" ? input.actor.userId : null;
  const undone = Prisma.sql`EXISTS (SELECT 1 FROM "undone")`;
  const entry: AuditEntryInput = { bookingId: session.bookingId, action: "CHECKOUT_UNDONE", actor: input.actor, source: "MANUAL", at: now, details: { from: plan.from, to: plan.to } };
  const [row] = await db.$queryRaw<Array<{ applied: number }>>`
    WITH ${head}, "undone" AS (
      UPDATE "App_SessionCheckout_Checkout" SET "state" = 'UNDONE', "undoneAt" = ${sqlTimestamp(now)}::timestamp, "undoneById" = ${by}::int
      WHERE "bookingId" IN (SELECT "id" FROM "unchanged") AND "state" = 'ACTIVE'
      RETURNING 1
    ), "cancelled" AS (
      UPDATE "App_SessionCheckout_Survey" SET "status" = 'CANCELLED', "cancelReason" = 'checkout-undone'
      WHERE ${undone} AND "bookingId" = ${session.bookingId} AND "status" = 'QUEUED'
      RETURNING 1
    ), "history" AS (${auditInsertSql([entry], Prisma.sql`jsonb_build_object('surveysCancelled', (SELECT count(*) FROM "cancelled"))`, undone)}
    )
    SELECT (SELECT count(*)::int FROM "undone") AS "applied"`;
  return row?.applied === 1 ? 0 : null;
}

/** What an action answers: the session after the plan (its no-show flags applied). */
export function sessionActionResult(session: LockedSession, plan: TransitionPlan, at: Date, surveysQueued: number): SessionActionResult {
  const flags = new Map(plan.noShowChanges.map((change) => [change.email, change.noShow]));
  return {
    bookingId: session.bookingId,
    hostUserId: session.hostUserId,
    from: plan.from,
    status: plan.to,
    at,
    surveysQueued,
    attendees: session.snapshot.attendees.map((attendee) => ({
      ...attendee,
      noShow: flags.get(normalizeEmail(attendee.email)) ?? attendee.noShow,
    })),
  };
}
