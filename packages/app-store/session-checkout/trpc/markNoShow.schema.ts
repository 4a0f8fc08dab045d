import { z } from "zod";

import { ZAttendeeEmail, ZBookingId } from "./inputs";

/** Also the input of clearNoShow. Without attendeeEmails, every attendee of the session. */
export const ZMarkNoShowInputSchema = z.object({
  bookingId: ZBookingId,
  attendeeEmails: z.array(ZAttendeeEmail).min(1).max(100).optional(),
});
export type TMarkNoShowInputSchema = z.infer<typeof ZMarkNoShowInputSchema>;
