import { z } from "zod";

import { ZBookingId } from "./inputs";

export const ZUndoCheckoutInputSchema = z.object({ bookingId: ZBookingId });
export type TUndoCheckoutInputSchema = z.infer<typeof ZUndoCheckoutInputSchema>;
