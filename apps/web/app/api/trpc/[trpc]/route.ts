import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { getPrisma } from "@calcom/prisma";
import { appRouter, createContext } from "@calcom/trpc/server";

import { getSessionUser } from "../../../../lib/session";

const handler = async (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => createContext({ prisma: getPrisma(), user: await getSessionUser() }),
  });

export { handler as GET, handler as POST };
