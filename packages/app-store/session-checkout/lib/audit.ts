import type { PrismaTransaction } from "@calcom/prisma";
import type { Prisma } from "@calcom/prisma/client";
import type { App_SessionCheckout_AuditAction, App_SessionCheckout_AuditSource } from "@calcom/prisma/enums";

import { actorColumns, type Actor } from "./actor";

export interface AuditEntryInput {
  bookingId: number;
  action: App_SessionCheckout_AuditAction;
  actor: Actor;
  source: App_SessionCheckout_AuditSource;
  details?: Prisma.InputJsonObject;
  at: Date;
}

/** Appends history entries (one statement for any number of them). */
export async function appendAuditEntries(tx: PrismaTransaction, entries: ReadonlyArray<AuditEntryInput>): Promise<void> {
  if (entries.length === 0) return;
  await tx.app_SessionCheckout_AuditEntry.createMany({
    data: entries.map((entry) => ({
      bookingId: entry.bookingId,
      action: entry.action,
      ...actorColumns(entry.actor),
      source: entry.source,
      details: entry.details,
      createdAt: entry.at,
    })),
  });
}

export function appendAuditEntry(tx: PrismaTransaction, entry: AuditEntryInput): Promise<void> {
  return appendAuditEntries(tx, [entry]);
}
