/*
 * What a text column can hold. PostgreSQL refuses a NUL character in text, and a lone UTF-16
 * surrogate (half of a character, which JSON can carry) cannot be encoded as UTF-8: either would
 * fail the write deep inside the database. They are refused where the text comes in, with a
 * message the writer can act on.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableTextReason(text: string): string | null {
  if (text.indexOf("\u0000") !== -1) return "cannot contain a NUL character";
  if (LONE_SURROGATE.test(text)) return "contains an incomplete character (a lone surrogate)";
  return null;
}
