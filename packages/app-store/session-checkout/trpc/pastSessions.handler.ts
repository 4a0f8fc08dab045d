import { getAwaitingSessions, getPastSessions } from "../lib/services/past-sessions";
import type { TPastSessionsInputSchema } from "./pastSessions.schema";
import type { AuthedHandlerContext } from "./session-action";

export const pastSessionsHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TPastSessionsInputSchema }) =>
  input.awaitingIn
    ? getAwaitingSessions(ctx.prisma, { callerId: ctx.user.id, ...input.awaitingIn, timeZone: ctx.user.timeZone, page: input.page })
    : getPastSessions(ctx.prisma, { callerId: ctx.user.id, days: input.days, page: input.page });

export default pastSessionsHandler;
