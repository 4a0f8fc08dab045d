import { z } from "zod";

import { ZAttendeeEmail, ZBookingId } from "./inputs";

export const ZResendSurveyInputSchema = z.object({ bookingId: ZBookingId, attendeeEmail: ZAttendeeEmail });
export type TResendSurveyInputSchema = z.infer<typeof ZResendSurveyInputSchema>;
