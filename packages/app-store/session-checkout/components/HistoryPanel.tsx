import type { SessionDetails } from "../lib/services/session-details";
import { formatInZone } from "./format";

const ACTION_LABEL: Record<SessionDetails["history"][number]["action"], string> = {
  CHECKED_OUT: "Checked out",
  CHECKOUT_UNDONE: "Checkout undone",
  NO_SHOW_MARKED: "Marked No Show",
  NO_SHOW_CLEARED: "No Show cleared",
  SURVEY_SENT: "Survey sent",
  SURVEY_FAILED: "Survey could not be sent",
  SURVEY_ANSWERED: "Survey answered",
  SURVEY_RESENT: "Survey resent",
  LOW_RATING_ALERT_SENT: "Low-rating alert emailed",
  LOW_RATING_ALERT_FAILED: "Low-rating alert could not be sent",
};

export function HistoryPanel({ entries, timeZone }: { entries: SessionDetails["history"]; timeZone: string }) {
  if (entries.length === 0) return <p className="sc-muted">Nothing has happened to this session yet.</p>;
  return (
    <ol className="sc-history" aria-label="History">
      {entries.map((entry) => (
        <li key={entry.id}>
          <strong>{ACTION_LABEL[entry.action]}</strong> by {entry.actor.name}
          {entry.source === "BULK" ? " (bulk)" : ""} · <time dateTime={entry.at.toISOString()}>{formatInZone(entry.at, timeZone)}</time>
        </li>
      ))}
    </ol>
  );
}
