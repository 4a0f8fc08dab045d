import { z } from "zod";

/** No input: the scopes are the caller's. An empty object is accepted too (some clients always send one). */
export const ZReportScopesInputSchema = z.object({}).strict().optional();
export type TReportScopesInputSchema = z.infer<typeof ZReportScopesInputSchema>;
