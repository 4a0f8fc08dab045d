import { getSettings } from "../lib/services/settings";
import type { AuthedHandlerContext } from "./session-action";

export const getSettingsHandler = ({ ctx }: { ctx: AuthedHandlerContext }) => getSettings(ctx.prisma, ctx.user.id);

export default getSettingsHandler;
