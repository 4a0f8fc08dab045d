import type { PrismaTransaction } from "@calcom/prisma";

import appConfig from "../config.json";

export const APP_SLUG = appConfig.slug;
export const NOT_INSTALLED_MESSAGE = `${appConfig.name} is not installed for your account. Install it from the App Store to use it.`;

/** The app acts only for users who installed it (a Credential of theirs for this app). */
export async function isInstalledFor(db: PrismaTransaction, userId: number): Promise<boolean> {
  return (await db.credential.count({ where: { userId, appId: APP_SLUG } })) > 0;
}
