import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { getPrisma } from "@calcom/prisma";
import { appRouter, createContext } from "@calcom/trpc/server";

import { MAX_BODY_BYTES, readCappedBody, tooLargeMessage, withBody } from "../../../../lib/body-limit";
import { CROSS_SITE_MESSAGE, isSameSiteRequest } from "../../../../lib/same-site";
import { getSessionUser } from "../../../../lib/session";
import { uncompressedWhenSmall } from "../../../../lib/small-answers";
import { MAX_BATCH_CALLS, batchCallCount, trpcRefusal } from "../../../../lib/trpc-limits";

const handler = async (request: Request) => {
  const url = new URL(request.url);
  // Mutations are POSTs (tRPC refuses a mutation over GET): another site's page may not send one.
  if (request.method === "POST" && !isSameSiteRequest(request)) return trpcRefusal(url, 403, "FORBIDDEN", CROSS_SITE_MESSAGE);
  const calls = batchCallCount(url);
  if (calls > MAX_BATCH_CALLS) {
    return trpcRefusal(url, 413, "PAYLOAD_TOO_LARGE", `A batch may carry at most ${MAX_BATCH_CALLS} calls; this one has ${calls}. Send them in smaller batches.`);
  }
  const body = request.method === "POST" ? await readCappedBody(request) : null;
  if (body === "too-large") return trpcRefusal(url, 413, "PAYLOAD_TOO_LARGE", tooLargeMessage(MAX_BODY_BYTES));
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request.method === "POST" ? withBody(request, body) : request,
    router: appRouter,
    createContext: async () => createContext({ prisma: getPrisma(), user: await getSessionUser() }),
  });
  return uncompressedWhenSmall(response);
};

export { handler as GET, handler as POST };
