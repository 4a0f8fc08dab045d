import type { FormatterInput } from "@fullcalendar/core";

/*
 * The host's one time format: the user's own (Cal.com's User.timeFormat: 12 or 24; null reads as 12,
 * Cal.com's default), written "10:28am" as Cal.com writes 12-hour times, or "10:28". The app writes
 * its times the same way from the same setting.
 */

export const readsTwelveHours = (timeFormat: number | null): boolean => timeFormat !== 24;

/** A time of day, e.g. "2:05pm" or "14:05". */
export function formatTime(date: Date, timeZone: string, hour12: boolean): string {
  const options: Intl.DateTimeFormatOptions = hour12 ? { timeZone, hour: "numeric", minute: "2-digit", hourCycle: "h12" } : { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return new Intl.DateTimeFormat("en-GB", options).format(date).replace(/\s([ap]m)$/, "$1");
}

/** The same for FullCalendar's axis and events. */
export const calendarTimeFormat = (hour12: boolean): FormatterInput =>
  hour12 ? { hour: "numeric", minute: "2-digit", meridiem: "short", hour12: true } : { hour: "2-digit", minute: "2-digit", hour12: false };
