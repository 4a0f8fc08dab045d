import { z } from "zod";

import { ZBookingId } from "./inputs";

export const ZSessionStatusesInputSchema = z.object({ bookingIds: z.array(ZBookingId).max(1000) });
export type TSessionStatusesInputSchema = z.infer<typeof ZSessionStatusesInputSchema>;
