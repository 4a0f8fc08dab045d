import { getPrisma } from "@calcom/prisma";

import { handleIntegrationRequest } from "../../../../lib/integrations";
import { getSessionUser } from "../../../../lib/session";

const handler = async (request: Request, { params }: { params: Promise<{ args: string[] }> }) =>
  handleIntegrationRequest(request, { args: (await params).args, user: await getSessionUser(), prisma: getPrisma() });

// PUT: Inngest registers an app's functions at its serve endpoint with a PUT.
export { handler as GET, handler as POST, handler as PUT };
