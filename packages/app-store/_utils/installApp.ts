import type { PrismaClient } from "@calcom/prisma";
import type { AppCategories } from "@calcom/prisma/enums";

import { appStoreMetadata, isDeclarativeHandler, loadAppApi, type AppStoreSlug } from "./registry";

/** Why an install or uninstall did not happen, with the HTTP status Cal.com's integrations route uses. */
export class AppInstallError extends Error {
  constructor(
    readonly status: 401 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = "AppInstallError";
  }
}

export function installedCount(prisma: PrismaClient, { userId, slug }: { userId: number; slug: string }): Promise<number> {
  return prisma.credential.count({ where: { userId, appId: slug } });
}

/**
 * Installs an app for a user through the app's own declarative `add` handler (as Cal.com's
 * /api/integrations/<slug>/add does): the App row is made sure of, then the app creates its credential.
 */
export async function installApp(prisma: PrismaClient, { user, slug }: { user: { id: number }; slug: AppStoreSlug }) {
  const meta = appStoreMetadata[slug];
  const add = (await loadAppApi(slug))?.add;
  if (!isDeclarativeHandler(add)) throw new AppInstallError(404, `${meta.name} cannot be installed from the App Store.`);
  if (!add.supportsMultipleInstalls && (await installedCount(prisma, { userId: user.id, slug })) > 0) {
    throw new AppInstallError(409, `${meta.name} is already installed.`);
  }
  // Insert-if-absent, not upsert: two first installs at once must not collide on the App row.
  await prisma.app.createMany({
    data: [{ slug, dirName: meta.dirName, categories: meta.categories as AppCategories[], enabled: true }],
    skipDuplicates: true,
  });
  const credential = await add.createCredential({ user, appType: add.appType, slug });
  // Two installs at the same moment both pass the check above. Whoever sees more than one keeps
  // the lowest id and removes the rest: ids are handed out before the inserts commit, so the one
  // with the lower id may see only its own, but the other then sees both.
  if (!add.supportsMultipleInstalls) {
    const first = await prisma.credential.findFirst({ where: { userId: user.id, appId: slug }, orderBy: { id: "asc" }, select: { id: true } });
    if (first) await prisma.credential.deleteMany({ where: { userId: user.id, appId: slug, id: { gt: first.id } } });
    if (first && first.id !== credential.id) throw new AppInstallError(409, `${meta.name} is already installed.`);
  }
  return { credentialId: credential.id, redirect: add.redirect };
}

/** Removes the user's credentials for the app. The app's own data (notes, history) stays. */
export async function uninstallApp(prisma: PrismaClient, { userId, slug }: { userId: number; slug: AppStoreSlug }) {
  const { count } = await prisma.credential.deleteMany({ where: { userId, appId: slug } });
  if (count === 0) throw new AppInstallError(404, `${appStoreMetadata[slug].name} is not installed.`);
  return { ok: true as const };
}
