import { updateSettings } from "../lib/services/settings";
import type { AuthedHandlerContext } from "./session-action";
import type { TUpdateSettingsInputSchema } from "./updateSettings.schema";

export const updateSettingsHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TUpdateSettingsInputSchema }) =>
  updateSettings(ctx.prisma, { userId: ctx.user.id, patch: input });

export default updateSettingsHandler;
