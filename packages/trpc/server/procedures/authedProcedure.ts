import { TRPCError } from "@trpc/server";

import { publicProcedure } from "../trpc";

const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export default authedProcedure;
