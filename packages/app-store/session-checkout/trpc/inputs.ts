import { z } from "zod";

import { AUTO_CHECKOUT_DELAY_MINUTES, type AutoCheckoutDelayMinutes, type SurveyAlertThreshold } from "../lib/settings";

export const NOTE_MAX_CHARACTERS = 10_000;

export const ZBookingId = z.number({ invalid_type_error: "bookingId must be a number." }).int().positive();
export const ZNoteId = z.number({ invalid_type_error: "noteId must be a number." }).int().positive();
/** An attendee's address; at most 320 characters, the longest an email address can be (RFC 5321). */
export const ZAttendeeEmail = z
  .string({ invalid_type_error: "The attendee must be an email address." })
  .max(320, "An email address can be at most 320 characters.")
  .email("The attendee must be an email address.");

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

export const ZSurveyAlertThreshold: z.ZodType<SurveyAlertThreshold> = z.union(
  [z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)],
  { errorMap: () => ({ message: "Choose a low-rating alert threshold from 0 (no alerts) to 5." }) },
);
