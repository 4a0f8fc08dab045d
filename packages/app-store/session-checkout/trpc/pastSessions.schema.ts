import { z } from "zod";

export const ZPastSessionsInputSchema = z.object({ days: z.number().int().min(1).max(365).default(28) });
export type TPastSessionsInputSchema = z.infer<typeof ZPastSessionsInputSchema>;
