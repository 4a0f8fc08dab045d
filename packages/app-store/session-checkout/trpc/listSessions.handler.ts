import { listSessions } from "../lib/services/session-list";
import type { TListSessionsInputSchema } from "./listSessions.schema";
import type { AuthedHandlerContext } from "./session-action";

export const listSessionsHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TListSessionsInputSchema }) =>
  listSessions(ctx.prisma, { callerId: ctx.user.id, timeZone: ctx.user.timeZone, ...input });

export default listSessionsHandler;
