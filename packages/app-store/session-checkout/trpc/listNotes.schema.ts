import { z } from "zod";

import { ZBookingId } from "./inputs";

export const ZListNotesInputSchema = z.object({ bookingId: ZBookingId });
export type TListNotesInputSchema = z.infer<typeof ZListNotesInputSchema>;
