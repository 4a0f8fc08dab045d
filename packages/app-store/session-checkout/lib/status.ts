import type { BookingStatus } from "@calcom/prisma/enums";

/** What a host sees. Derived, never stored: Cal.com's BookingStatus stays as it is. */
export const SESSION_STATUSES = ["PENDING", "CANCELLED", "NO_SHOW", "COMPLETED", "CONFIRMED"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  PENDING: "Pending",
  CANCELLED: "Cancelled",
  NO_SHOW: "No Show",
  COMPLETED: "Completed",
  CONFIRMED: "Confirmed",
};

/** The colour family each status is shown in (always next to its label, never alone). */
export const SESSION_STATUS_TONES: Record<SessionStatus, "green" | "blue" | "orange" | "gray" | "red"> = {
  COMPLETED: "green",
  CONFIRMED: "blue",
  PENDING: "orange",
  CANCELLED: "gray",
  NO_SHOW: "red",
};

export type CheckoutState = "ACTIVE" | "UNDONE";

export interface StatusInputs {
  bookingStatus: BookingStatus;
  attendees: ReadonlyArray<{ noShow: boolean | null }>;
  /** The app's checkout record for the booking, if it ever had one. */
  checkoutState: CheckoutState | null;
}

/** The one place that decides a session's status (rows of the status table, top to bottom). */
export function deriveSessionStatus({ bookingStatus, attendees, checkoutState }: StatusInputs): SessionStatus {
  switch (bookingStatus) {
    case "PENDING":
    case "AWAITING_HOST":
      return "PENDING";
    case "CANCELLED":
    case "REJECTED":
      return "CANCELLED";
    case "ACCEPTED":
      if (attendees.length > 0 && attendees.every((attendee) => attendee.noShow === true)) return "NO_SHOW";
      if (checkoutState === "ACTIVE") return "COMPLETED";
      return "CONFIRMED";
  }
}

/**
 * One client's status in a session, for their own history: a client marked absent was a No Show
 * whatever became of the rest of a group; otherwise the session's own status.
 */
export function clientSessionStatus(sessionStatus: SessionStatus, clientMarkedAbsent: boolean): SessionStatus {
  if (clientMarkedAbsent && (sessionStatus === "COMPLETED" || sessionStatus === "CONFIRMED")) return "NO_SHOW";
  return sessionStatus;
}
