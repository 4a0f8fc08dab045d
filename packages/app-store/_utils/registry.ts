import type { AppApiModule, AppDeclarativeHandler } from "@calcom/types/AppHandler";

import { appStoreMetadata, type AppStoreSlug } from "../apps.metadata.generated";
import { apiHandlers, appJobs } from "../apps.server.generated";

export function isAppStoreSlug(key: string): key is AppStoreSlug {
  return Object.hasOwn(appStoreMetadata, key);
}

/**
 * The app a URL segment names: its slug, or its type ("session-checkout_other"), as Cal.com's
 * install buttons send either. Null when no registered app matches.
 */
export function resolveAppSlug(slugOrType: string): AppStoreSlug | null {
  if (isAppStoreSlug(slugOrType)) return slugOrType;
  const byType = Object.entries(appStoreMetadata).find(([, meta]) => meta.type === slugOrType);
  return byType ? (byType[0] as AppStoreSlug) : null;
}

export async function loadAppApi(slug: AppStoreSlug): Promise<AppApiModule | null> {
  const load = apiHandlers[slug];
  return load ? load() : null;
}

export function isDeclarativeHandler(handler: AppApiModule[string] | undefined): handler is AppDeclarativeHandler {
  return typeof handler === "object" && handler !== null && handler.handlerType === "add";
}

export { appJobs, appStoreMetadata, type AppStoreSlug };
