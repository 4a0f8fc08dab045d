/**
 * A refusal the user can act on. The codes are tRPC's, so the router maps them one to one:
 * NOT_FOUND hides bookings the caller may not see, PRECONDITION_FAILED names the current status,
 * CONFLICT says a survey is not in a state the host's request fits (already sent, unsubscribed, …).
 */
export type SessionCheckoutErrorCode = "NOT_FOUND" | "PRECONDITION_FAILED" | "BAD_REQUEST" | "FORBIDDEN" | "CONFLICT";

export class SessionCheckoutError extends Error {
  constructor(
    readonly code: SessionCheckoutErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SessionCheckoutError";
  }
}

export const BOOKING_NOT_FOUND_MESSAGE = "Session not found.";
export const NOTE_NOT_FOUND_MESSAGE = "Note not found.";

export function bookingNotFound(): SessionCheckoutError {
  return new SessionCheckoutError("NOT_FOUND", BOOKING_NOT_FOUND_MESSAGE);
}

/** An unexpected error's last line, short, for the operator's log (never shown to a host or client). */
export function logSummary(error: unknown, maxLength = 500): string {
  return error instanceof Error ? error.message.split("\n").slice(-1)[0]!.slice(0, maxLength) : String(error).slice(0, maxLength);
}
