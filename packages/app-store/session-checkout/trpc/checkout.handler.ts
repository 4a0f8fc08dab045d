import type { TCheckoutInputSchema } from "./checkout.schema";
import { performAsCaller, type AuthedHandlerContext } from "./session-action";

export const checkoutHandler = async ({ ctx, input }: { ctx: AuthedHandlerContext; input: TCheckoutInputSchema }) => {
  const result = await performAsCaller(ctx, { bookingId: input.bookingId, action: "checkout", method: "MANUAL" });
  return { bookingId: result.bookingId, status: "COMPLETED" as const, checkedOutAt: result.at, surveysQueued: result.surveysQueued };
};

export default checkoutHandler;
