import type { TMarkNoShowInputSchema } from "./markNoShow.schema";
import { performAsCaller, type AuthedHandlerContext } from "./session-action";

export const markNoShowHandler = async ({ ctx, input }: { ctx: AuthedHandlerContext; input: TMarkNoShowInputSchema }) => {
  const { bookingId, status, attendees } = await performAsCaller(ctx, { ...input, action: "markNoShow" });
  return { bookingId, status, attendees };
};

export default markNoShowHandler;
