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

export interface BookingDialogActionsModule {
  default: ComponentType<BookingDialogSlotProps>;
}

export interface SettingsSectionModule {
  default: ComponentType<SettingsSlotProps>;
}
