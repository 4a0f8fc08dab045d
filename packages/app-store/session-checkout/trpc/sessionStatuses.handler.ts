import { getSessionStatuses } from "../lib/services/session-statuses";
import type { AuthedHandlerContext } from "./session-action";
import type { TSessionStatusesInputSchema } from "./sessionStatuses.schema";

export const sessionStatusesHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TSessionStatusesInputSchema }) =>
  getSessionStatuses(ctx.prisma, { callerId: ctx.user.id, bookingIds: input.bookingIds });

export default sessionStatusesHandler;
