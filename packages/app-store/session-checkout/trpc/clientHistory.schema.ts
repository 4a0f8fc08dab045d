import { z } from "zod";

import { ZAttendeeEmail, ZBookingId } from "./inputs";

export const ZClientHistoryInputSchema = z.object({
  attendeeEmail: ZAttendeeEmail,
  cursor: ZBookingId.optional(),
});
export type TClientHistoryInputSchema = z.infer<typeof ZClientHistoryInputSchema>;
