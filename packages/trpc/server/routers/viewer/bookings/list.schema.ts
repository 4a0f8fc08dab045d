import { z } from "zod";

export const ZListInputSchema = z
  .object({ from: z.date(), to: z.date() })
  .refine(({ from, to }) => to > from && to.getTime() - from.getTime() <= 62 * 24 * 60 * 60 * 1000, { message: "The range must be forward and at most 62 days." });
export type TListInputSchema = z.infer<typeof ZListInputSchema>;
