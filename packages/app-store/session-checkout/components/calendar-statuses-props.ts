/*
 * What the host's calendar gives the app's status provider, typed here so that the app compiles on
 * its own inside Cal.com (which has no slot types of its own); the host's registry declares the same
 * shape, and a structural match is all either side needs.
 */
export interface CalendarBookingStatus {
  bookingId: number;
  /** A CSS-safe key for the event's class, e.g. "no-show". */
  key: string;
  label: string;
  tone: "green" | "blue" | "gray" | "orange" | "red";
  /** The booking may not be moved (dragged, resized) while this holds. */
  rescheduleLocked: boolean;
  /** Why, in the app's words: the host says it when someone tries to move the booking. */
  rescheduleLockedReason?: string;
}

/** One status the app can show, for the calendar's legend. */
export interface CalendarLegendEntry {
  key: string;
  label: string;
  tone: CalendarBookingStatus["tone"];
}

export interface CalendarStatusesProps {
  bookingIds: number[];
  /** Changes whenever the host refreshed its bookings. */
  refreshKey: number;
  onStatuses: (statuses: CalendarBookingStatus[]) => void;
  onError: (message: string) => void;
  /** Where to declare every status the app can show (the host's legend); a host may not offer it. */
  onLegend?: (entries: CalendarLegendEntry[]) => void;
}
