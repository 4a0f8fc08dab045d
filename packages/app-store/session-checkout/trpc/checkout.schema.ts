import { z } from "zod";

import { ZBookingId } from "./inputs";

export const ZCheckoutInputSchema = z.object({ bookingId: ZBookingId });
export type TCheckoutInputSchema = z.infer<typeof ZCheckoutInputSchema>;
