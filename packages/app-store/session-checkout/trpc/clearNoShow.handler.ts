import type { TClearNoShowInputSchema } from "./clearNoShow.schema";
import { performAsCaller, type AuthedHandlerContext } from "./session-action";

export const clearNoShowHandler = async ({ ctx, input }: { ctx: AuthedHandlerContext; input: TClearNoShowInputSchema }) => {
  const { bookingId, status, attendees } = await performAsCaller(ctx, { ...input, action: "clearNoShow" });
  return { bookingId, status, attendees };
};

export default clearNoShowHandler;
