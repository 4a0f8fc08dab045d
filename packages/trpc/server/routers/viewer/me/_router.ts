import authedProcedure from "../../../procedures/authedProcedure";
import { router } from "../../../trpc";
import { getHandler } from "./get.handler";

/** Cal.com's `viewer.me`: the signed-in user. */
export const meRouter = router({
  get: authedProcedure.query(getHandler),
});
