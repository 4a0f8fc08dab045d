import { z } from "zod";

import { SEARCH_MAX_CHARACTERS, SESSION_LIST_TABS } from "../lib/session-list-tabs";
import { unstorableTextReason } from "../lib/text";
import { ZRowId } from "./inputs";
import { checkDayRange, ZDay } from "./reports.schema";

export const ZListSessionsInputSchema = z
  .object({
    /** Days the sessions started in, both included, read in the caller's zone. */
    from: ZDay,
    to: ZDay,
    tab: z.enum(SESSION_LIST_TABS).default("awaiting"),
    search: z
      .string()
      .max(SEARCH_MAX_CHARACTERS, `Search for at most ${SEARCH_MAX_CHARACTERS} characters.`)
      // PostgreSQL refuses such text as a parameter: the caller's to fix, not a failure of ours.
      .superRefine((search, context) => {
        const reason = unstorableTextReason(search);
        if (reason) context.addIssue({ code: "custom", message: `A search ${reason}.` });
      })
      .optional(),
    eventTypeId: ZRowId("eventTypeId").optional(),
    teamId: ZRowId("teamId").optional(),
    /** Pages of SESSIONS_PAGE_SIZE, from 0; the answer says how many sessions there are in all. */
    page: z.number().int().min(0).max(100_000).default(0),
  })
  .strict()
  .superRefine(checkDayRange);
export type TListSessionsInputSchema = z.infer<typeof ZListSessionsInputSchema>;
