import { z } from "zod";

import { ZBookingId, ZNoteBody } from "./inputs";

export const ZAddNoteInputSchema = z.object({ bookingId: ZBookingId, body: ZNoteBody });
export type TAddNoteInputSchema = z.infer<typeof ZAddNoteInputSchema>;
