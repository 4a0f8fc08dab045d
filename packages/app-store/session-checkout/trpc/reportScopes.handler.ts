import { listReportScopes } from "../lib/services/report-scopes";
import type { TReportScopesInputSchema } from "./reportScopes.schema";
import type { AuthedHandlerContext } from "./session-action";

export const reportScopesHandler = ({ ctx }: { ctx: AuthedHandlerContext; input: TReportScopesInputSchema }) => listReportScopes(ctx.prisma, ctx.user.id);

export default reportScopesHandler;
