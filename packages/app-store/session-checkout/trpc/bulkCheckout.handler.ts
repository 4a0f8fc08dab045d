import { bulkCheckout } from "../lib/services/bulk-checkout";
import type { TBulkCheckoutInputSchema } from "./bulkCheckout.schema";
import type { AuthedHandlerContext } from "./session-action";

export const bulkCheckoutHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TBulkCheckoutInputSchema }) =>
  bulkCheckout(ctx.prisma, { bookingIds: input.bookingIds, actor: { kind: "user", userId: ctx.user.id } });

export default bulkCheckoutHandler;
