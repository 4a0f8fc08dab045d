import { randomBytes } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

import authedProcedure from "@calcom/trpc/server/procedures/authedProcedure";

import { logSummary, SessionCheckoutError } from "../lib/errors";
import { isInstalledFor, NOT_INSTALLED_MESSAGE } from "../lib/installation";

/** What a caller reads when something failed that is not their doing; the details are in the server log under `reference`. */
export const unexpectedErrorMessage = (reference: string) => `Something went wrong on our side. Try again, and if it keeps happening, quote reference ${reference}.`;

/**
 * Every app procedure: signed in, the app installed for the caller, and the app's typed
 * refusals become the tRPC error of the same code (never a 500 for a user's mistake). Any other
 * failure is logged with a reference and answered with a generic message: never the database's
 * text (a Prisma error carries the query, its arguments and a note's body).
 */
export const sessionCheckoutProcedure = authedProcedure.use(async ({ ctx, next, path }) => {
  try {
    if (!(await isInstalledFor(ctx.prisma, ctx.user.id))) throw new TRPCError({ code: "FORBIDDEN", message: NOT_INSTALLED_MESSAGE });
  } catch (error) {
    throw error instanceof TRPCError ? error : unexpected(error, path);
  }
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof SessionCheckoutError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  // Bad input: the first problem in words ("bookingId is out of range."), not zod's issue list as JSON;
  // the field errors stay on the error for forms.
  if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: inputProblem(cause), cause });
  // tRPC's own refusals (bad input, unauthorised, …) are the caller's to read; anything else is ours.
  if (result.error.code !== "INTERNAL_SERVER_ERROR") return result;
  throw unexpected(cause ?? result.error, path);
});

function inputProblem(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request's input is not valid.";
  // zod's own words ("Required", "Expected number, received string") name no field: say which one.
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : "";
  return field && issue.message.indexOf(field) === -1 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

function unexpected(error: unknown, path: string): TRPCError {
  const reference = randomBytes(6).toString("hex");
  console.error(`[session-checkout] ${path} failed (reference ${reference}): ${logSummary(error, 2_000)}`, error instanceof Error ? error.stack?.split("\n").slice(1, 4).join(" | ") : "");
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: unexpectedErrorMessage(reference) });
}
