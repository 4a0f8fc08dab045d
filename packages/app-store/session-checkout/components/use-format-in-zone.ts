import useMeQuery from "@calcom/trpc/react/hooks/useMeQuery";

import { formatInZone } from "./format";

/**
 * formatInZone in the signed-in host's own time format (Cal.com's user setting: 12 or 24 hours), so
 * the app's times read as the calendar's. Until the user is known: 24 hours.
 */
export function useFormatInZone(): (date: Date, timeZone: string) => string {
  const me = useMeQuery();
  // As Cal.com reads the setting: anything but 24 is 12-hour (null is Cal.com's default, 12).
  const hour12 = me.data ? me.data.timeFormat !== 24 : false;
  return (date, timeZone) => formatInZone(date, timeZone, hour12);
}
