import { listReportSessions } from "../lib/services/report-sessions";
import { reportInputFor } from "./report-input";
import type { TReportSessionsInputSchema } from "./reportSessions.schema";
import type { AuthedHandlerContext } from "./session-action";

export const reportSessionsHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TReportSessionsInputSchema }) =>
  listReportSessions(ctx.prisma, reportInputFor(ctx, input));

export default reportSessionsHandler;
