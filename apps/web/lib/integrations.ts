import { AppInstallError, installApp } from "@calcom/app-store/_utils/installApp";
import { appStoreMetadata, isDeclarativeHandler, loadAppApi, resolveAppSlug } from "@calcom/app-store/_utils/registry";
import type { PrismaClient } from "@calcom/prisma";
import type { AppHttpContext } from "@calcom/types/AppHandler";

import { crossSiteRefusal, isSameSiteRequest } from "./same-site";

const json = (status: number, body: unknown) => Response.json(body, { status });

/**
 * /api/integrations/<slug-or-type>/<handler>, the Cal.com way: the registry's lazy api map finds
 * the app's handler. A declarative `add` installs the app for the signed-in user; any other
 * handler is the app's own Request -> Response function.
 */
export async function handleIntegrationRequest(
  request: Request,
  { args, user, prisma }: { args: string[]; user: AppHttpContext["user"]; prisma: PrismaClient },
): Promise<Response> {
  const [appKey, handlerName] = args;
  if (args.length !== 2 || !appKey || !handlerName) return json(404, { message: "API route not found" });
  const slug = resolveAppSlug(appKey);
  if (!slug) return json(404, { message: `No app found for "${appKey}".` });
  const handlers = await loadAppApi(slug);
  // Own properties only: "constructor" or "toString" are not handlers.
  const handler = handlers && Object.hasOwn(handlers, handlerName) ? handlers[handlerName] : undefined;
  if (!handler) return json(404, { message: `${appStoreMetadata[slug].name} has no "${handlerName}" handler.` });

  // An app's own handlers authenticate themselves (signed links, a cron key, Inngest's signature):
  // the survey pages are posted from their own page, and RFC 8058 one-click comes from mail servers.
  if (!isDeclarativeHandler(handler)) return handler(request, { user });

  // Installing keeps Cal.com's GET shape, so a link or image on another site could trigger it with
  // the host's cookie (SameSite=Lax allows top-level navigations): only this site's pages may.
  if (!isSameSiteRequest(request)) return crossSiteRefusal();
  if (!user) return json(401, { message: "You must be logged in to do this" });
  try {
    const { redirect } = await installApp(prisma, { user, slug });
    return json(200, { url: redirect?.url ?? `/apps/installed?hl=${slug}`, newTab: redirect?.newTab ?? false });
  } catch (error) {
    if (error instanceof AppInstallError) return json(error.status, { message: error.message });
    throw error;
  }
}
