import { serve } from "inngest/edge";

import { getInngest } from "../jobs/client";
import { SERVE_PATH, sessionCheckoutFunctions } from "../jobs";

let handler: ((request: Request) => Promise<Response>) | undefined;

/**
 * Inngest's serve endpoint, at /api/integrations/session-checkout/inngest: GET answers
 * introspection, PUT registers the functions, POST runs a step. With INNGEST_SIGNING_KEY set,
 * every request from Inngest must carry a valid signature.
 */
export default async function inngestHandler(request: Request): Promise<Response> {
  handler ??= serve({ client: getInngest(), functions: sessionCheckoutFunctions(), servePath: SERVE_PATH });
  return handler(request);
}
