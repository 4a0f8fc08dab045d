import { TRPCError } from "@trpc/server";

import authedProcedure from "@calcom/trpc/server/procedures/authedProcedure";

import { SessionCheckoutError } from "../lib/errors";
import { isInstalledFor, NOT_INSTALLED_MESSAGE } from "../lib/installation";

/**
 * Every app procedure: signed in, the app installed for the caller, and the app's typed
 * refusals become the tRPC error of the same code (never a 500 for a user's mistake).
 */
export const sessionCheckoutProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!(await isInstalledFor(ctx.prisma, ctx.user.id))) throw new TRPCError({ code: "FORBIDDEN", message: NOT_INSTALLED_MESSAGE });
  const result = await next();
  if (!result.ok && result.error.cause instanceof SessionCheckoutError) {
    const refusal = result.error.cause;
    throw new TRPCError({ code: refusal.code, message: refusal.message, cause: refusal });
  }
  return result;
});
