import { getPrisma } from "@calcom/prisma";

import { handleIntegrationRequest } from "../../../../lib/integrations";
import { getSessionUser } from "../../../../lib/session";

const handler = async (request: Request, { params }: { params: Promise<{ args: string[] }> }) =>
  handleIntegrationRequest(request, { args: (await params).args, user: await getSessionUser(), prisma: getPrisma() });

export { handler as GET, handler as POST };
