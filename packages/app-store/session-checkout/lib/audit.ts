import type { PrismaTransaction } from "@calcom/prisma";
import type { Prisma } from "@calcom/prisma/client";
import type { App_SessionCheckout_AuditAction, App_SessionCheckout_AuditSource } from "@calcom/prisma/enums";

import { actorColumns, type Actor } from "./actor";

export async function appendAuditEntry(
  tx: PrismaTransaction,
  entry: {
    bookingId: number;
    action: App_SessionCheckout_AuditAction;
    actor: Actor;
    source: App_SessionCheckout_AuditSource;
    details?: Prisma.InputJsonObject;
    at: Date;
  },
): Promise<void> {
  await tx.app_SessionCheckout_AuditEntry.create({
    data: {
      bookingId: entry.bookingId,
      action: entry.action,
      ...actorColumns(entry.actor),
      source: entry.source,
      details: entry.details,
      createdAt: entry.at,
    },
  });
}
