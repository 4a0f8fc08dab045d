import { z } from "zod";

/** Per-event-type app data (Cal.com's convention): the app keeps none; its settings are per host. */
export const appDataSchema = z.object({});

/** App keys an operator sets in the App Store admin: none; secrets come from the environment. */
export const appKeysSchema = z.object({});
