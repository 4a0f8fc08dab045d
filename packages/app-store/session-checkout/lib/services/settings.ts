import type { PrismaClient } from "@calcom/prisma";

import { settingsChangedEvent } from "../../jobs/domain-events";
import { publishAppEvents } from "../../jobs/publish";
import { applySettingsPatch, changesSchedule, type SessionCheckoutSettings, type SettingsPatch } from "../settings";
import { readSettings } from "./settings-store";
import { retryWhileBusy } from "./session-busy";
import { CONNECTION_WAIT } from "./transaction-options";

export function getSettings(db: PrismaClient, userId: number): Promise<SessionCheckoutSettings> {
  return readSettings(db, userId);
}

/**
 * Saves a host's change. When it changes when sessions fall due (auto-checkout on or off, the
 * delay), the host's sleeping auto-checkout runs are cancelled: the scheduler plans them again
 * under the new settings, with new due times (and keys).
 */
export async function updateSettings(db: PrismaClient, { userId, patch, now = new Date() }: { userId: number; patch: SettingsPatch; now?: Date }): Promise<SessionCheckoutSettings> {
  let before: SessionCheckoutSettings | undefined;
  const saved = await retryWhileBusy(() => db.$transaction(async (tx) => {
    // Serialise a host's concurrent saves, so "switched on at" is decided against the saved state,
    // and hold off a scheduler pass moving the line meanwhile.
    // NO KEY UPDATE: a booking inserted for this user meanwhile (its foreign key's KEY SHARE) is not held up;
    // NOWAIT and a retry, as for a session: a save never waits on a pooled connection.
    await tx.$queryRaw`SELECT "id" FROM "users" WHERE "id" = ${userId} FOR NO KEY UPDATE NOWAIT`;
    await tx.$queryRaw`SELECT "userId" FROM "App_SessionCheckout_Settings" WHERE "userId" = ${userId} FOR NO KEY UPDATE NOWAIT`;
    before = await readSettings(tx, userId);
    const next = applySettingsPatch(before, patch, now);
    const scheduleChanged = changesSchedule(before, next);
    const { autoCheckoutEndedAfter, ...rest } = next;
    await tx.app_SessionCheckout_Settings.upsert({
      where: { userId },
      create: { userId, ...next, autoCheckoutScheduleChangedAt: scheduleChanged ? now : null },
      // The line is written only when switching on moves it: passes move it too, and a save must not put it back.
      update: { ...rest, ...(autoCheckoutEndedAfter?.getTime() !== before.autoCheckoutEndedAfter?.getTime() ? { autoCheckoutEndedAfter } : {}), ...(scheduleChanged ? { autoCheckoutScheduleChangedAt: now } : {}) },
    });
    return next;
  }, CONNECTION_WAIT));
  if (before && changesSchedule(before, saved)) await publishAppEvents([settingsChangedEvent(userId, now)]);
  return saved;
}
