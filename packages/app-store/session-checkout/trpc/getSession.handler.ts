import { getSessionDetails } from "../lib/services/session-details";
import type { TGetSessionInputSchema } from "./getSession.schema";
import type { AuthedHandlerContext } from "./session-action";

export const getSessionHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TGetSessionInputSchema }) =>
  getSessionDetails(ctx.prisma, { bookingId: input.bookingId, callerId: ctx.user.id });

export default getSessionHandler;
