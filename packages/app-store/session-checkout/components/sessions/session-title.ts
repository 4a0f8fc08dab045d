import { useFormatInZone } from "../use-format-in-zone";

/** How a list names a session to a person: "Thu, 26 Nov 2026, 15:32 · Quinn Awaiting", in the host's time format. */
export function useSessionListTitle(): (row: { startTime: Date; attendeeNames: string[] }, timeZone: string) => string {
  const formatInZone = useFormatInZone();
  return (row, timeZone) => `${formatInZone(row.startTime, timeZone)} · ${row.attendeeNames.join(", ")}`;
}
