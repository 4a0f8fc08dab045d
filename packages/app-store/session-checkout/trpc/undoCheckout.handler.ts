import { performAsCaller, type AuthedHandlerContext } from "./session-action";
import type { TUndoCheckoutInputSchema } from "./undoCheckout.schema";

export const undoCheckoutHandler = async ({ ctx, input }: { ctx: AuthedHandlerContext; input: TUndoCheckoutInputSchema }) => {
  const result = await performAsCaller(ctx, { bookingId: input.bookingId, action: "undoCheckout" });
  return { bookingId: result.bookingId, status: "CONFIRMED" as const };
};

export default undoCheckoutHandler;
