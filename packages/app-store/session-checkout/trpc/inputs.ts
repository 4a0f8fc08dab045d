import { z } from "zod";

import { AUTO_CHECKOUT_DELAY_MINUTES, type AutoCheckoutDelayMinutes } from "../lib/settings";

export const NOTE_MAX_CHARACTERS = 10_000;

export const ZBookingId = z.number({ invalid_type_error: "bookingId must be a number." }).int().positive();
export const ZNoteId = z.number({ invalid_type_error: "noteId must be a number." }).int().positive();

// Counted in characters (code points), as the database's char_length counts them.
export const ZNoteBody = z
  .string({ invalid_type_error: "A note must be text." })
  .refine((body) => body.trim().length > 0, "A note cannot be empty.")
  .refine((body) => Array.from(body).length <= NOTE_MAX_CHARACTERS, `A note can be at most ${NOTE_MAX_CHARACTERS.toLocaleString("en-US")} characters.`);

const delayMessage = `The delay must be one of ${AUTO_CHECKOUT_DELAY_MINUTES.join(", ")} minutes.`;
export const ZAutoCheckoutDelay: z.ZodType<AutoCheckoutDelayMinutes> = z.union(
  [z.literal(30), z.literal(60), z.literal(120), z.literal(240), z.literal(480), z.literal(1440)],
  { errorMap: () => ({ message: delayMessage }) },
);
