import { z } from "zod";

import { ZBookingId } from "./inputs";

export const ZGetSessionInputSchema = z.object({ bookingId: ZBookingId });
export type TGetSessionInputSchema = z.infer<typeof ZGetSessionInputSchema>;
