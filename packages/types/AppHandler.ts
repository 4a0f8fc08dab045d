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
