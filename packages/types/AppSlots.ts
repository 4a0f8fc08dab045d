import type { ComponentType } from "react";

/** What the host's booking detail dialog gives each app that fills its slot. */
export interface BookingDialogSlotProps {
  bookingId: number;
  /** The signed-in host's IANA time zone, for showing times. */
  timeZone: string;
  /** Call after the app changed the session, so the host refreshes what it shows (calendar, badge). */
  onSessionChanged: () => void;
}

/** What the host's Settings > Calendar > General page gives each app section. */
export interface SettingsSlotProps {
  timeZone: string;
}

/** What the host's /apps/<slug>/<…path> route gives an app's own pages. */
export interface AppPageProps {
  /** The path below /apps/<slug>/, e.g. ["clients", "kim@client.example"]. */
  path: string[];
  /** The address's query string, one value per name (the first when repeated), e.g. { status: "awaiting" }. */
  searchParams: Record<string, string>;
  timeZone: string;
}

export interface AppPageModule {
  default: ComponentType<AppPageProps>;
}

export interface BookingDialogActionsModule {
  default: ComponentType<BookingDialogSlotProps>;
}

/** What an app says about one booking on the host's calendar. */
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

/** One status an app can show on the calendar, for the calendar's legend. */
export interface CalendarLegendEntry {
  /** The same CSS-safe key the app's statuses carry, e.g. "no-show". */
  key: string;
  label: string;
  tone: CalendarBookingStatus["tone"];
}

/** What the host's calendar gives an app's status provider: the bookings on screen, and where to report. */
export interface CalendarStatusesSlotProps {
  bookingIds: number[];
  /** Changes whenever the host refreshed its bookings (after a move, after the dialog changed a session). */
  refreshKey: number;
  onStatuses: (statuses: CalendarBookingStatus[]) => void;
  /** The app could not say: the host draws the bookings as Cal.com has them. */
  onError: (message: string) => void;
  /**
   * Every status the app can show, said once up front: the legend lists them before any is on
   * screen. Optional, so a host without a legend (and an app that says nothing) still fit.
   */
  onLegend?: (entries: CalendarLegendEntry[]) => void;
}

export interface CalendarStatusesModule {
  default: ComponentType<CalendarStatusesSlotProps>;
}

export interface SettingsSectionModule {
  default: ComponentType<SettingsSlotProps>;
}
