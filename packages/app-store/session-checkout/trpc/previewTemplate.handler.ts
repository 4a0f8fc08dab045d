import { previewTemplate } from "../lib/services/template-preview";
import type { TPreviewTemplateInputSchema } from "./previewTemplate.schema";
import type { AuthedHandlerContext } from "./session-action";

export const previewTemplateHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TPreviewTemplateInputSchema }) =>
  previewTemplate(ctx.prisma, { userId: ctx.user.id, template: input.template });

export default previewTemplateHandler;
