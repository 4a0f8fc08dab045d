import { z } from "zod";

import { ZRowId } from "./inputs";
import { isTimeZone, rangeDays, REPORT_BUCKETS, REPORT_MAX_DAYS } from "../lib/reports";

export const ZDay = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are written YYYY-MM-DD.");

export const ZReportsInputSchema = z
  .object({
    from: ZDay,
    to: ZDay,
    /** The zone the days are read in; the host's own when not given. */
    timeZone: z.string().max(64).refine(isTimeZone, "Unknown time zone.").optional(),
    /** Day by day up to two months, week by week beyond, unless chosen. */
    bucket: z.enum(REPORT_BUCKETS).optional(),
    eventTypeId: ZRowId("eventTypeId").optional(),
    teamId: ZRowId("teamId").optional(),
  })
  .strict()
  .superRefine(checkDayRange);
export type TReportsInputSchema = z.infer<typeof ZReportsInputSchema>;

/** A from–to range of real calendar days, in order, at most two years (the Sessions page's filter reads ranges too). */
export function checkDayRange(input: { from: string; to: string }, context: z.RefinementCtx): void {
  const days = rangeDays(input.from, input.to);
  if (days === null) context.addIssue({ code: "custom", path: ["from"], message: "That is not a calendar date." });
  else if (days < 1) context.addIssue({ code: "custom", path: ["to"], message: "The range ends before it starts." });
  else if (days > REPORT_MAX_DAYS) context.addIssue({ code: "custom", path: ["to"], message: "A report covers at most two years." });
}
