"use client";

import { useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";

import type { SessionDetails } from "../lib/services/session-details";
import { errorMessage } from "./format";
import { useFormatInZone } from "./use-format-in-zone";

const ACTION_LABEL_KEY: Record<SessionDetails["history"][number]["action"], string> = {
  CHECKED_OUT: "session_checkout_history_checked_out",
  CHECKOUT_UNDONE: "session_checkout_history_checkout_undone",
  NO_SHOW_MARKED: "session_checkout_history_no_show_marked",
  NO_SHOW_CLEARED: "session_checkout_history_no_show_cleared",
  SURVEY_SENT: "session_checkout_history_survey_sent",
  SURVEY_FAILED: "session_checkout_history_survey_failed",
  SURVEY_ANSWERED: "session_checkout_history_survey_answered",
  SURVEY_RESENT: "session_checkout_history_survey_resent",
  LOW_RATING_ALERT_SENT: "session_checkout_history_low_rating_alert_sent",
  LOW_RATING_ALERT_FAILED: "session_checkout_history_low_rating_alert_failed",
};

/** The latest entries from the dialog's details; older ones a page at a time, on request. */
export function HistoryPanel({
  bookingId,
  entries,
  nextCursor,
  rescheduledFrom,
  timeZone,
}: {
  bookingId: number;
  entries: SessionDetails["history"];
  nextCursor: number | null;
  rescheduledFrom: SessionDetails["rescheduledFrom"];
  timeZone: string;
}) {
  const { t } = useAppLocale();
  const formatInZone = useFormatInZone();
  const [showOlder, setShowOlder] = useState(false);
  const older = trpc.viewer.appSessionCheckout.sessionHistory.useInfiniteQuery(
    { bookingId },
    { initialCursor: nextCursor ?? 0, getNextPageParam: (page) => page.nextCursor ?? undefined, enabled: showOlder && nextCursor !== null },
  );
  if (entries.length === 0 && !rescheduledFrom) return <p className="text-subtle text-sm">{t("session_checkout_history_empty")}</p>;
  const all = showOlder ? entries.concat((older.data?.pages ?? []).flatMap((page) => page.entries)) : entries;
  const more = showOlder ? older.hasNextPage : nextCursor !== null;
  return (
    <>
      <ol className="list-disc space-y-1 pl-4.5" aria-label={t("session_checkout_tab_history")}>
        {all.map((entry) => (
          <li key={entry.id}>
            <strong>{t(ACTION_LABEL_KEY[entry.action])}</strong>{" "}
            {entry.attendeeNames.length > 0 ? <>{t("session_checkout_history_for_attendees", { names: entry.attendeeNames.join(", ") })} </> : null}
            {t(entry.source === "BULK" ? "session_checkout_history_by_bulk" : "session_checkout_history_by", { name: entry.actor.name })} ·{" "}
            <time dateTime={new Date(entry.at).toISOString()}>{formatInZone(new Date(entry.at), timeZone)}</time>
          </li>
        ))}
        {rescheduledFrom && !more ? (
          <li>
            <strong>{t("session_checkout_history_rescheduled")}</strong>{" "}
            {t("session_checkout_history_rescheduled_from_to", {
              from: formatInZone(new Date(rescheduledFrom.fromStartTime), timeZone),
              to: formatInZone(new Date(rescheduledFrom.toStartTime), timeZone),
            })}{" "}
            · {t("session_checkout_history_on")} <time dateTime={new Date(rescheduledFrom.at).toISOString()}>{formatInZone(new Date(rescheduledFrom.at), timeZone)}</time>
          </li>
        ) : null}
      </ol>
      {older.isError ? (
        <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
          {t("session_checkout_history_older_failed", { message: errorMessage(older.error, t) })}
        </p>
      ) : null}
      {more || (showOlder && older.isError) ? (
        <Button color="minimal" loading={older.isFetching} onClick={() => (showOlder ? void older.fetchNextPage() : setShowOlder(true))}>
          {t("session_checkout_history_show_older")}
        </Button>
      ) : null}
    </>
  );
}
