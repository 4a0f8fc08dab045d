import type { Credential } from "@calcom/prisma/client";

/** Cal.com's declarative install handler: the app says how to create its credential, the host calls it. */
export type AppDeclarativeHandler = {
  appType: string;
  slug: string;
  variant: string;
  handlerType: "add";
  supportsMultipleInstalls: boolean;
  createCredential: (arg: { user: { id: number }; appType: string; slug: string; teamId?: number }) => Promise<Credential>;
  redirect?: { newTab?: boolean; url: string };
};

/** What the host tells an app's HTTP handler about the request: the signed-in user, if any. */
export interface AppHttpContext {
  user: { id: number; email: string; name: string | null } | null;
}

/**
 * An app's own HTTP handler, reached at /api/integrations/<slug>/<name>. Fetch-style (Request in,
 * Response out), so the same function serves a Next.js route handler here and in Cal.com.
 */
export type AppHttpHandler = (request: Request, context: AppHttpContext) => Promise<Response>;

export type AppHandler = AppDeclarativeHandler | AppHttpHandler;

/** An app's api/index.ts: its handlers by name. */
export type AppApiModule = Record<string, AppHandler>;
