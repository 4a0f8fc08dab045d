import type { PrismaTransaction } from "@calcom/prisma";

import { DEFAULT_SETTINGS, isAutoCheckoutDelay, type SessionCheckoutSettings } from "../settings";

type SettingsRow = NonNullable<Awaited<ReturnType<PrismaTransaction["app_SessionCheckout_Settings"]["findUnique"]>>>;

/** A host's settings, or the defaults when they never saved any. */
export async function readSettings(db: PrismaTransaction, userId: number | null): Promise<SessionCheckoutSettings> {
  if (userId === null) return DEFAULT_SETTINGS;
  const row = await db.app_SessionCheckout_Settings.findUnique({ where: { userId } });
  return row ? settingsOf(row) : DEFAULT_SETTINGS;
}

/** Many hosts' settings in one query; hosts who never saved any get the defaults. */
export async function readSettingsOf(db: PrismaTransaction, userIds: ReadonlyArray<number>): Promise<Map<number, SessionCheckoutSettings>> {
  const rows = userIds.length ? await db.app_SessionCheckout_Settings.findMany({ where: { userId: { in: [...userIds] } } }) : [];
  const found = new Map(rows.map((row) => [row.userId, settingsOf(row)]));
  return new Map(userIds.map((id) => [id, found.get(id) ?? DEFAULT_SETTINGS]));
}

function settingsOf(row: SettingsRow): SessionCheckoutSettings {
  return {
    autoCheckoutEnabled: row.autoCheckoutEnabled,
    // The database CHECK holds the delay to the allowed values; fall back defensively all the same.
    autoCheckoutDelayMinutes: isAutoCheckoutDelay(row.autoCheckoutDelayMinutes)
      ? row.autoCheckoutDelayMinutes
      : DEFAULT_SETTINGS.autoCheckoutDelayMinutes,
    autoCheckoutEnabledAt: row.autoCheckoutEnabledAt,
    autoCheckoutEndedAfter: row.autoCheckoutEndedAfter,
    surveysEnabled: row.surveysEnabled,
  };
}
