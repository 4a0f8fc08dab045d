import { getPrisma } from "@calcom/prisma";

import { MAX_BODY_BYTES, readCappedBody, tooLargeMessage, withBody } from "../../../../lib/body-limit";
import { handleIntegrationRequest } from "../../../../lib/integrations";
import { getSessionUser } from "../../../../lib/session";

const handler = async (request: Request, { params }: { params: Promise<{ args: string[] }> }) => {
  const body = request.method === "GET" || request.method === "HEAD" ? null : await readCappedBody(request);
  if (body === "too-large") return Response.json({ message: tooLargeMessage(MAX_BODY_BYTES) }, { status: 413 });
  const capped = body === null ? request : withBody(request, body);
  return handleIntegrationRequest(capped, { args: (await params).args, user: await getSessionUser(), prisma: getPrisma() });
};

// PUT: Inngest registers an app's functions at its serve endpoint with a PUT.
export { handler as GET, handler as POST, handler as PUT };
