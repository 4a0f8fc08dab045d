import { z } from "zod";

export const ZRescheduleInputSchema = z
  .object({ bookingId: z.number().int().positive(), startTime: z.date(), endTime: z.date() })
  .refine(({ startTime, endTime }) => endTime > startTime, { message: "A session must end after it starts.", path: ["endTime"] });
export type TRescheduleInputSchema = z.infer<typeof ZRescheduleInputSchema>;
