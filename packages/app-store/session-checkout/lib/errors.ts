/**
 * A refusal the user can act on. The codes are tRPC's, so the router maps them one to one:
 * NOT_FOUND hides bookings the caller may not see, PRECONDITION_FAILED names the current status.
 */
export type SessionCheckoutErrorCode = "NOT_FOUND" | "PRECONDITION_FAILED" | "BAD_REQUEST" | "FORBIDDEN";

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
