import { rangeDays } from "../lib/reports";
import type { ReportInput } from "../lib/services/reports";
import type { TReportsInputSchema } from "./reports.schema";
import type { AuthedHandlerContext } from "./session-action";

/** Two months or less read day by day; longer ranges week by week. */
const DAILY_UP_TO_DAYS = 62;

/** A report's input with the defaults filled in: the caller's zone, and day or week by the range's length. */
export function reportInputFor(ctx: AuthedHandlerContext, input: TReportsInputSchema): ReportInput {
  return {
    callerId: ctx.user.id,
    from: input.from,
    to: input.to,
    timeZone: input.timeZone ?? ctx.user.timeZone,
    bucket: input.bucket ?? ((rangeDays(input.from, input.to) ?? 0) <= DAILY_UP_TO_DAYS ? "day" : "week"),
    ...(input.eventTypeId !== undefined ? { eventTypeId: input.eventTypeId } : {}),
    ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
  };
}
