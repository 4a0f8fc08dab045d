import { z } from "zod";

import { ZBookingId } from "./inputs";

export const ZClientHistoryInputSchema = z.object({
  attendeeEmail: z.string().email("The client must be an email address."),
  cursor: ZBookingId.optional(),
});
export type TClientHistoryInputSchema = z.infer<typeof ZClientHistoryInputSchema>;
