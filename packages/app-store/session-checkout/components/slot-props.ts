/*
 * What the host gives the app's slots and pages, typed here so that the app compiles on its own
 * inside Cal.com (which has no slot types of its own); the host's registry declares the same shapes,
 * and a structural match is all either side needs.
 */

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
