import { z } from "zod";

import { unstorableTextReason } from "../lib/text";
import { AUTO_CHECKOUT_DELAY_MINUTES, type AutoCheckoutDelayMinutes, type SurveyAlertThreshold } from "../lib/settings";

export const NOTE_MAX_CHARACTERS = 10_000;

/** A row id: a positive PostgreSQL integer (int4), so an id beyond it is the caller's mistake, not the database's. */
export const ZRowId = (field: string) =>
  z
    .number({ invalid_type_error: `${field} must be a number.`, required_error: `${field} is required.` })
    .int(`${field} must be a whole number.`)
    .positive(`${field} must be positive.`)
    .max(2_147_483_647, `${field} is out of range.`);

export const ZBookingId = ZRowId("bookingId");
export const ZNoteId = ZRowId("noteId");
/** An attendee's address; at most 320 characters, the longest an email address can be (RFC 5321). */
export const ZAttendeeEmail = z
  .string({ invalid_type_error: "The attendee must be an email address." })
  .max(320, "An email address can be at most 320 characters.")
  .email("The attendee must be an email address.");

// Counted in characters (code points), as the database's char_length counts them.
export const ZNoteBody = z
  .string({ invalid_type_error: "A note must be text." })
  .max(NOTE_MAX_CHARACTERS * 2, `A note can be at most ${NOTE_MAX_CHARACTERS.toLocaleString("en-US")} characters.`)
  .superRefine((body, context) => {
    const reason = unstorableTextReason(body);
    if (reason) context.addIssue({ code: "custom", message: `A note ${reason}.` });
  })
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
