import { z } from "zod";

import { PREVIEW_TEMPLATES } from "../lib/services/template-preview";

export const ZPreviewTemplateInputSchema = z.object({
  template: z.enum(PREVIEW_TEMPLATES, { errorMap: () => ({ message: `The template must be one of ${PREVIEW_TEMPLATES.join(", ")}.` }) }),
});
export type TPreviewTemplateInputSchema = z.infer<typeof ZPreviewTemplateInputSchema>;
