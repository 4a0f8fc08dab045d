import { TRPCError } from "@trpc/server";

import authedProcedure from "@calcom/trpc/server/procedures/authedProcedure";

import { SessionCheckoutError } from "../lib/errors";

/**
 * Every app procedure: signed in, and the app's typed refusals become the tRPC error of the
 * same code (never a 500 for a user's mistake).
 */
export const sessionCheckoutProcedure = authedProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof SessionCheckoutError) {
    const refusal = result.error.cause;
    throw new TRPCError({ code: refusal.code, message: refusal.message, cause: refusal });
  }
  return result;
});
