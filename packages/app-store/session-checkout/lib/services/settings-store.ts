import type { PrismaTransaction } from "@calcom/prisma";

import { DEFAULT_SETTINGS, isAutoCheckoutDelay, type SessionCheckoutSettings } from "../settings";

/** A host's settings, or the defaults when they never saved any. */
export async function readSettings(db: PrismaTransaction, userId: number | null): Promise<SessionCheckoutSettings> {
  if (userId === null) return DEFAULT_SETTINGS;
  const row = await db.app_SessionCheckout_Settings.findUnique({ where: { userId } });
  if (!row) return DEFAULT_SETTINGS;
  return {
    autoCheckoutEnabled: row.autoCheckoutEnabled,
    // The database CHECK holds the delay to the allowed values; fall back defensively all the same.
    autoCheckoutDelayMinutes: isAutoCheckoutDelay(row.autoCheckoutDelayMinutes)
      ? row.autoCheckoutDelayMinutes
      : DEFAULT_SETTINGS.autoCheckoutDelayMinutes,
    autoCheckoutEnabledAt: row.autoCheckoutEnabledAt,
    surveysEnabled: row.surveysEnabled,
  };
}
