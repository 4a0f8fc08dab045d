import { TRPCError } from "@trpc/server";

import { AppInstallError } from "@calcom/app-store/_utils/installApp";

import authedProcedure from "../../../procedures/authedProcedure";

const CODE_FOR_STATUS = { 401: "UNAUTHORIZED", 404: "NOT_FOUND", 409: "CONFLICT", 422: "UNPROCESSABLE_CONTENT" } as const;

/** Signed in; install refusals become tRPC errors of the matching code. */
export const appsProcedure = authedProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppInstallError) {
    const refusal = result.error.cause;
    throw new TRPCError({ code: CODE_FOR_STATUS[refusal.status], message: refusal.message, cause: refusal });
  }
  return result;
});
