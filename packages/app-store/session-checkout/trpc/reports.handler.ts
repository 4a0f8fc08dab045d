import { buildReport } from "../lib/services/reports";
import { reportInputFor } from "./report-input";
import type { TReportsInputSchema } from "./reports.schema";
import type { AuthedHandlerContext } from "./session-action";

export const reportsHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TReportsInputSchema }) => buildReport(ctx.prisma, reportInputFor(ctx, input));

export default reportsHandler;
