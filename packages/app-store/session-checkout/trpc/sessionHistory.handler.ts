import { getSessionHistory } from "../lib/services/session-history";
import type { AuthedHandlerContext } from "./session-action";
import type { TSessionHistoryInputSchema } from "./sessionHistory.schema";

export const sessionHistoryHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TSessionHistoryInputSchema }) =>
  getSessionHistory(ctx.prisma, { bookingId: input.bookingId, callerId: ctx.user.id, ...(input.cursor !== undefined ? { cursor: input.cursor } : {}) });

export default sessionHistoryHandler;
