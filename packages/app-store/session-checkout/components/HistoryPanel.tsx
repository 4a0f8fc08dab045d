"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";

import type { SessionDetails } from "../lib/services/session-details";
import { errorMessage, formatInZone } from "./format";

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

/** The latest entries from the dialog's details; older ones a page at a time, on request. */
export function HistoryPanel({ bookingId, entries, nextCursor, timeZone }: { bookingId: number; entries: SessionDetails["history"]; nextCursor: number | null; timeZone: string }) {
  const [showOlder, setShowOlder] = useState(false);
  const older = trpc.viewer.appSessionCheckout.sessionHistory.useInfiniteQuery(
    { bookingId },
    { initialCursor: nextCursor ?? 0, getNextPageParam: (page) => page.nextCursor ?? undefined, enabled: showOlder && nextCursor !== null },
  );
  if (entries.length === 0) return <p className="sc-muted">Nothing has happened to this session yet.</p>;
  const all = showOlder ? entries.concat((older.data?.pages ?? []).flatMap((page) => page.entries)) : entries;
  const more = showOlder ? older.hasNextPage : nextCursor !== null;
  return (
    <>
      <ol className="sc-history" aria-label="History">
        {all.map((entry) => (
          <li key={entry.id}>
            <strong>{ACTION_LABEL[entry.action]}</strong> by {entry.actor.name}
            {entry.source === "BULK" ? " (bulk)" : ""} · <time dateTime={new Date(entry.at).toISOString()}>{formatInZone(new Date(entry.at), timeZone)}</time>
          </li>
        ))}
      </ol>
      {older.isError ? (
        <p role="alert" className="sc-error">
          Could not load older entries: {errorMessage(older.error)}
        </p>
      ) : null}
      {more || (showOlder && older.isError) ? (
        <Button color="minimal" loading={older.isFetching} onClick={() => (showOlder ? void older.fetchNextPage() : setShowOlder(true))}>
          Show older entries
        </Button>
      ) : null}
    </>
  );
}
