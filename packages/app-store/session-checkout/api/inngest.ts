import { serve } from "inngest/edge";

import { getInngest, jobEngine } from "../jobs/client";
import { SERVE_PATH, sessionCheckoutFunctions } from "../jobs";

let handler: ((request: Request) => Promise<Response>) | undefined;

/**
 * Inngest's serve endpoint, at /api/integrations/session-checkout/inngest: GET answers
 * introspection, PUT registers the functions, POST runs a step. With INNGEST_SIGNING_KEY set,
 * every request from Inngest must carry a valid signature.
 */
export default async function inngestHandler(request: Request): Promise<Response> {
  if (jobEngine() !== "inngest") {
    return Response.json(
      { message: "Inngest is not configured here: auto-checkout runs embedded in the web app. Set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or INNGEST_DEV) to serve its functions to Inngest at this URL." },
      { status: 503 },
    );
  }
  handler ??= serve({ client: getInngest(), functions: sessionCheckoutFunctions(), servePath: SERVE_PATH });
  return handler(request);
}
