import { z } from "zod";

import { BULK_CHECKOUT_LIMIT } from "../lib/bulk-checkout-limit";
import { ZBookingId } from "./inputs";

export const ZBulkCheckoutInputSchema = z.object({
  bookingIds: z.array(ZBookingId).min(1, "Select at least one session.").max(BULK_CHECKOUT_LIMIT, `At most ${BULK_CHECKOUT_LIMIT} sessions at once.`),
});
export type TBulkCheckoutInputSchema = z.infer<typeof ZBulkCheckoutInputSchema>;
