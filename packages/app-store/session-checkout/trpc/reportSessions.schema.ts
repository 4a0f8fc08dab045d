import type { z } from "zod";

import { ZReportsInputSchema } from "./reports.schema";

/** The same input as `reports`: the export is the sessions behind that report's numbers. */
export const ZReportSessionsInputSchema = ZReportsInputSchema;
export type TReportSessionsInputSchema = z.infer<typeof ZReportSessionsInputSchema>;
