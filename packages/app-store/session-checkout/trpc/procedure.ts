import { randomBytes } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

import authedProcedure from "@calcom/trpc/server/procedures/authedProcedure";

import { logSummary, SessionCheckoutError } from "../lib/errors";
import { isInstalledFor, NOT_INSTALLED_MESSAGE } from "../lib/installation";

/** What a caller reads when something failed that is not their doing; the details are in the server log under `reference`. */
export const unexpectedErrorMessage = (reference: string) => `Something went wrong on our side. Try again, and if it keeps happening, quote reference ${reference}.`;

/**
 * Every app procedure: signed in, the app's typed refusals become the tRPC error of the same code
 * (never a 500 for a user's mistake). Any other failure is logged with a reference and answered
 * with a generic message: never the database's text (a Prisma error carries the query, its
 * arguments and a note's body).
 */
const answeringProcedure = authedProcedure.use(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof SessionCheckoutError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  // Bad input: the first problem in words ("bookingId is out of range."), not zod's issue list as
  // JSON; the field errors stay on the error (data.zodError) for forms.
  if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: inputProblem(cause), cause });
  // tRPC's own refusals (bad input, unauthorised, the installed check, …) are the caller's to read; anything else is ours.
  if (result.error.code !== "INTERNAL_SERVER_ERROR") return result;
  throw unexpected(cause ?? result.error, path);
});

/** Every app procedure but the session actions: the app installed for the caller, checked first. */
export const sessionCheckoutProcedure = answeringProcedure.use(async ({ ctx, next }) => {
  if (!(await isInstalledFor(ctx.prisma, ctx.user.id))) throw new TRPCError({ code: "FORBIDDEN", message: NOT_INSTALLED_MESSAGE });
  return next();
});

/**
 * Checkout, undo, No Show: the installed check is the first statement of the action's own
 * transaction (performAsCaller), not a round trip of its own — the same FORBIDDEN, before any lock.
 */
export const sessionActionProcedure = answeringProcedure;

function inputProblem(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request's input is not valid.";
  // The app's messages are sentences a host can act on; zod's own words ("Required", "Expected
  // number, received string") name no field and end without a full stop: say which field.
  if (/\.$/.test(issue.message) || issue.path.length === 0) return issue.message;
  return `${issue.path.join(".")}: ${issue.message}`;
}

function unexpected(error: unknown, path: string): TRPCError {
  const reference = randomBytes(6).toString("hex");
  console.error(`[session-checkout] ${path} failed (reference ${reference}): ${logSummary(error, 2_000)}`, error instanceof Error ? error.stack?.split("\n").slice(1, 4).join(" | ") : "");
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: unexpectedErrorMessage(reference) });
}
