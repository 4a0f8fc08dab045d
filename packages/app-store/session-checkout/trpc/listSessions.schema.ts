import { z } from "zod";

import { SESSION_LIST_TABS } from "../lib/session-list-tabs";
import { ZRowId } from "./inputs";
import { checkDayRange, ZDay } from "./reports.schema";

/** Part of a client's name or address: at most what an address can hold. */
export const SEARCH_MAX_CHARACTERS = 320;

export const ZListSessionsInputSchema = z
  .object({
    /** Days the sessions started in, both included, read in the caller's zone. */
    from: ZDay,
    to: ZDay,
    tab: z.enum(SESSION_LIST_TABS).default("awaiting"),
    search: z.string().max(SEARCH_MAX_CHARACTERS, `Search for at most ${SEARCH_MAX_CHARACTERS} characters.`).optional(),
    eventTypeId: ZRowId("eventTypeId").optional(),
    teamId: ZRowId("teamId").optional(),
    /** Pages of SESSIONS_PAGE_SIZE, from 0; the answer says how many sessions there are in all. */
    page: z.number().int().min(0).max(100_000).default(0),
  })
  .strict()
  .superRefine(checkDayRange);
export type TListSessionsInputSchema = z.infer<typeof ZListSessionsInputSchema>;
