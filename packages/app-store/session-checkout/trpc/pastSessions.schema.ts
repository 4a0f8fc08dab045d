import { z } from "zod";

import { ZRowId } from "./inputs";
import { checkDayRange, ZDay } from "./reports.schema";

export const ZPastSessionsInputSchema = z.object({
  days: z.number().int().min(1).max(365).default(28),
  /** Pages of SESSIONS_PAGE_SIZE, from 0; the answer says how many sessions there are in all. */
  page: z.number().int().min(0).max(100_000).default(0),
  /** Instead: only the sessions awaiting checkout that started in these days (the caller's zone), as the reports count them. */
  awaitingIn: z.object({ from: ZDay, to: ZDay, eventTypeId: ZRowId("eventTypeId").optional() }).strict().superRefine(checkDayRange).optional(),
});
export type TPastSessionsInputSchema = z.infer<typeof ZPastSessionsInputSchema>;
