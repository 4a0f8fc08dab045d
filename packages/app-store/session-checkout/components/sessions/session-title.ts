import { formatInZone } from "../format";

/** How a list names a session to a person: "Thu, 26 Nov 2026, 15:32 · Quinn Awaiting". */
export function sessionListTitle(row: { startTime: Date; attendeeNames: string[] }, timeZone: string): string {
  return `${formatInZone(row.startTime, timeZone)} · ${row.attendeeNames.join(", ")}`;
}
