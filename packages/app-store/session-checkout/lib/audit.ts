import type { PrismaTransaction } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";
import type { App_SessionCheckout_AuditAction, App_SessionCheckout_AuditSource } from "@calcom/prisma/enums";

import { actorColumns, type Actor } from "./actor";
import { sqlTimestamp } from "./sql-arrays";

export interface AuditEntryInput {
  bookingId: number;
  action: App_SessionCheckout_AuditAction;
  actor: Actor;
  source: App_SessionCheckout_AuditSource;
  details?: Prisma.InputJsonObject;
  at: Date;
}

/** Appends history entries: one statement for any number of them, one array parameter per column. */
export async function appendAuditEntries(tx: PrismaTransaction, entries: ReadonlyArray<AuditEntryInput>): Promise<void> {
  if (entries.length === 0) return;
  await tx.$executeRaw(auditInsertSql(entries));
}

/**
 * The INSERT of `appendAuditEntries`, to run inside a larger statement (a CTE), so an action writes
 * its change and its History entry in one round trip. `moreDetails`, a jsonb expression over the
 * entry `e` (e.g. a count from another CTE of the statement), is merged into each entry's details;
 * `onlyIf`, a condition over the rest of the statement, writes no entry when false.
 */
export function auditInsertSql(entries: ReadonlyArray<AuditEntryInput>, moreDetails?: Prisma.Sql, onlyIf: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  const actors = entries.map((entry) => actorColumns(entry.actor));
  const details = moreDetails ? Prisma.sql`COALESCE(e."details"::jsonb, '{}'::jsonb) || ${moreDetails}` : Prisma.sql`e."details"::jsonb`;
  return Prisma.sql`
    INSERT INTO "App_SessionCheckout_AuditEntry" ("bookingId", "action", "actorType", "actorUserId", "source", "details", "createdAt")
    SELECT e."bookingId", e."action"::"App_SessionCheckout_AuditAction", e."actorType"::"App_SessionCheckout_ActorType", e."actorUserId",
           e."source"::"App_SessionCheckout_AuditSource", ${details}, e."createdAt"
    FROM unnest(
      ${entries.map((entry) => entry.bookingId)}::int[],
      ${entries.map((entry) => entry.action)}::text[],
      ${actors.map((actor) => actor.actorType)}::text[],
      ${actors.map((actor) => actor.actorUserId)}::int[],
      ${entries.map((entry) => entry.source)}::text[],
      ${entries.map((entry) => (entry.details === undefined ? null : JSON.stringify(entry.details)))}::text[],
      ${entries.map((entry) => sqlTimestamp(entry.at))}::timestamp[]
    ) AS e("bookingId", "action", "actorType", "actorUserId", "source", "details", "createdAt")
    WHERE ${onlyIf}`;
}

export function appendAuditEntry(tx: PrismaTransaction, entry: AuditEntryInput): Promise<void> {
  return appendAuditEntries(tx, [entry]);
}
