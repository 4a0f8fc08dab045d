import { z } from "zod";

import { ZBookingId, ZRowId } from "./inputs";

/** The History entries older than `cursor` (the last entry id the dialog shows); the latest without one. */
export const ZSessionHistoryInputSchema = z.object({ bookingId: ZBookingId, cursor: ZRowId("cursor").optional() }).strict();
export type TSessionHistoryInputSchema = z.infer<typeof ZSessionHistoryInputSchema>;
