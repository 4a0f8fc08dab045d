import { getClientHistory } from "../lib/services/client-history";
import type { TClientHistoryInputSchema } from "./clientHistory.schema";
import type { AuthedHandlerContext } from "./session-action";

export const clientHistoryHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TClientHistoryInputSchema }) =>
  getClientHistory(ctx.prisma, { callerId: ctx.user.id, ...input });

export default clientHistoryHandler;
