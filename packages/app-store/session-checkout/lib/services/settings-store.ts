import type { PrismaTransaction } from "@calcom/prisma";

import { APP_SLUG } from "../installation";
import { DEFAULT_SETTINGS, isAutoCheckoutDelay, isSurveyAlertThreshold, type SessionCheckoutSettings } from "../settings";

type SettingsRow = Pick<
  NonNullable<Awaited<ReturnType<PrismaTransaction["app_SessionCheckout_Settings"]["findUnique"]>>>,
  "autoCheckoutEnabled" | "autoCheckoutDelayMinutes" | "autoCheckoutEnabledAt" | "autoCheckoutEndedAfter" | "surveysEnabled" | "surveyAlertThreshold"
>;

/** A host's settings, or the defaults when they never saved any. */
export async function readSettings(db: PrismaTransaction, userId: number | null): Promise<SessionCheckoutSettings> {
  if (userId === null) return DEFAULT_SETTINGS;
  const row = await db.app_SessionCheckout_Settings.findUnique({ where: { userId } });
  return row ? settingsOf(row) : DEFAULT_SETTINGS;
}

/**
 * Many hosts at once, for auto-checkout: their settings (the defaults for hosts who never saved
 * any) and whether they installed the app — one statement with one array parameter, however many hosts.
 */
export async function readHostsForAutoCheckout(db: PrismaTransaction, userIds: ReadonlyArray<number>): Promise<Map<number, { settings: SessionCheckoutSettings; installed: boolean }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<SettingsRow & { userId: number; hasSettings: boolean; installed: boolean }>>`
    SELECT u."id" AS "userId", s."userId" IS NOT NULL AS "hasSettings",
           s."autoCheckoutEnabled", s."autoCheckoutDelayMinutes", s."autoCheckoutEnabledAt", s."autoCheckoutEndedAfter", s."surveysEnabled", s."surveyAlertThreshold",
           EXISTS (SELECT 1 FROM "Credential" cr WHERE cr."userId" = u."id" AND cr."appId" = ${APP_SLUG}) AS "installed"
    FROM unnest(${Array.from(userIds)}::int[]) AS u("id")
    LEFT JOIN "App_SessionCheckout_Settings" s ON s."userId" = u."id"`;
  return new Map(rows.map((row) => [row.userId, { settings: row.hasSettings ? settingsOf(row) : DEFAULT_SETTINGS, installed: row.installed }]));
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
    surveyAlertThreshold: isSurveyAlertThreshold(row.surveyAlertThreshold) ? row.surveyAlertThreshold : DEFAULT_SETTINGS.surveyAlertThreshold,
  };
}
