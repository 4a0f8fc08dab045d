import type { PrismaClient } from "@calcom/prisma";

import { settingsChangedEvent } from "../../jobs/domain-events";
import { publishAppEvents } from "../../jobs/publish";
import { applySettingsPatch, type SessionCheckoutSettings, type SettingsPatch } from "../settings";
import { readSettings } from "./settings-store";

export function getSettings(db: PrismaClient, userId: number): Promise<SessionCheckoutSettings> {
  return readSettings(db, userId);
}

/** Saves a host's change; sleeping auto-checkout runs of the host are cancelled (the scheduler re-plans them under the new settings). */
export async function updateSettings(db: PrismaClient, { userId, patch, now = new Date() }: { userId: number; patch: SettingsPatch; now?: Date }): Promise<SessionCheckoutSettings> {
  const saved = await db.$transaction(async (tx) => {
    // Serialise a host's concurrent saves, so "switched on at" is decided against the saved state.
    await tx.$queryRaw`SELECT "id" FROM "users" WHERE "id" = ${userId} FOR UPDATE`;
    const next = applySettingsPatch(await readSettings(tx, userId), patch, now);
    await tx.app_SessionCheckout_Settings.upsert({ where: { userId }, create: { userId, ...next }, update: next });
    return next;
  });
  await publishAppEvents([settingsChangedEvent(userId, now)]);
  return saved;
}
