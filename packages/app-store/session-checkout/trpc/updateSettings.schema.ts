import { z } from "zod";

import { ZAutoCheckoutDelay, ZSurveyAlertThreshold } from "./inputs";

export const ZUpdateSettingsInputSchema = z
  .object({
    autoCheckoutEnabled: z.boolean().optional(),
    autoCheckoutDelayMinutes: ZAutoCheckoutDelay.optional(),
    surveysEnabled: z.boolean().optional(),
    surveyAlertThreshold: ZSurveyAlertThreshold.optional(),
  })
  .strict();
export type TUpdateSettingsInputSchema = z.infer<typeof ZUpdateSettingsInputSchema>;
