import { getPastSessions } from "../lib/services/past-sessions";
import type { TPastSessionsInputSchema } from "./pastSessions.schema";
import type { AuthedHandlerContext } from "./session-action";

export const pastSessionsHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TPastSessionsInputSchema }) =>
  getPastSessions(ctx.prisma, { callerId: ctx.user.id, days: input.days });

export default pastSessionsHandler;
