"use client";

import { useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";

import { errorMessage, stars } from "./format";
import { useFormatInZone } from "./use-format-in-zone";
import { formatPrice } from "./money";
import { SESSION_TABLE_CLASS_NAME } from "./session-table";
import { isOnRowControl, SessionDateButton } from "./sessions/row-open";
import { SessionDialog } from "./sessions/SessionDialog";
import { SessionStatusBadge } from "./SessionStatusBadge";

/** Every session one client had with the signed-in host. */
export function ClientHistoryPage({ attendeeEmail, timeZone }: { attendeeEmail: string; timeZone: string }) {
  const { t } = useAppLocale();
  const formatInZone = useFormatInZone();
  const utils = trpc.useUtils();
  const history = trpc.viewer.appSessionCheckout.clientHistory.useInfiniteQuery({ attendeeEmail }, { getNextPageParam: (page) => page.nextCursor ?? undefined });
  const [openedId, setOpenedId] = useState<number | null>(null);
  if (history.isLoading) return <p className="text-subtle text-sm">{t("session_checkout_loading_history")}</p>;
  if (!history.data)
    return (
      <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
        {history.error ? errorMessage(history.error, t) : t("session_checkout_no_history")}
      </p>
    );
  const first = history.data.pages[0]!;
  const sessions = history.data.pages.flatMap((page) => page.sessions);
  const opened = sessions.find((session) => session.bookingId === openedId);
  return (
    <section>
      <h1 className="text-emphasis mb-4 mt-0 text-2xl font-bold">{t("session_checkout_client_history_title", { name: first.clientName ?? first.attendeeEmail })}</h1>
      <p className="text-subtle text-sm">{first.attendeeEmail}</p>
      {/* sc-totals: no style, a marker the browser tests find the totals by. */}
      <dl className="sc-totals flex gap-8 [&_dd]:m-0 [&_dd]:text-2xl [&_dd]:font-bold [&_dt]:text-sm [&_dt]:text-subtle" aria-label={t("session_checkout_totals")}>
        <div><dt>{t("session_checkout_sessions")}</dt><dd>{first.totals.sessions}</dd></div>
        <div><dt>{t("session_checkout_completed")}</dt><dd>{first.totals.completed}</dd></div>
        <div><dt>{t("session_checkout_no_shows")}</dt><dd>{first.totals.noShows}</dd></div>
        <div><dt>{t("session_checkout_cancelled")}</dt><dd>{first.totals.cancelled}</dd></div>
        {first.totals.averageRating !== null ? (
          <div>
            <dt>{t("session_checkout_average_rating")}</dt>
            <dd>
              {formatAverage(first.totals.averageRating)}/5{" "}
              <span className="text-subtle text-sm font-normal">{t("session_checkout_over_answers", { count: first.totals.rated })}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      {sessions.length === 0 ? (
        <p>{t("session_checkout_no_sessions_with_client")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={SESSION_TABLE_CLASS_NAME}>
            <thead>
              <tr>
                <th scope="col">{t("session_checkout_date")}</th>
                <th scope="col">{t("session_checkout_status")}</th>
                <th scope="col">{t("session_checkout_event_type")}</th>
                <th scope="col">{t("session_checkout_price")}</th>
                <th scope="col">{t("session_checkout_their_rating")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                // The whole row opens the session, as on the Sessions page (the date is the keyboard's way).
                <tr key={session.bookingId} className="hover:bg-cal-muted cursor-pointer" onClick={(event) => !isOnRowControl(event) && setOpenedId(session.bookingId)}>
                  <td className="whitespace-nowrap">
                    {/* The session itself, with its actions, notes and History (as from the Sessions page). */}
                    <SessionDateButton date={formatInZone(session.startTime, timeZone)} onOpen={() => setOpenedId(session.bookingId)} />
                  </td>
                  <td><SessionStatusBadge status={session.status} /></td>
                  <td>{session.eventTypeTitle ?? "—"}</td>
                  <td>{formatPrice(session.price, session.currency, t)}</td>
                  <td><ClientRating answer={session.clientAnswer} sessionRating={session.rating} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.hasNextPage ? (
        <Button color="secondary" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {t("session_checkout_load_more")}
        </Button>
      ) : null}
      {opened ? <SessionDialog row={opened} timeZone={timeZone} onClose={() => setOpenedId(null)} onSessionChanged={() => void utils.viewer.appSessionCheckout.clientHistory.invalidate()} /> : null}
    </section>
  );
}

/** The client's own answer (the comment as text); else the session's rating, which in a group is everyone's mean. */
function ClientRating({ answer, sessionRating }: { answer: { rating: number; comment: string | null } | null; sessionRating: number | null }) {
  const { t } = useAppLocale();
  if (!answer) return <>{sessionRating ? <span className="text-subtle text-sm">{t("session_checkout_session_rating", { rating: sessionRating })}</span> : "—"}</>;
  return (
    <>
      <span className="tracking-wider text-amber-700" aria-hidden="true">{stars(answer.rating)}</span> {answer.rating}/5
      {answer.comment ? <q className="mt-1 block whitespace-pre-wrap italic wrap-anywhere">{answer.comment}</q> : null}
    </>
  );
}

/** 4, 4.5 or 3.7: one decimal, none when whole. */
function formatAverage(average: number): string {
  return (Math.round(average * 10) / 10).toLocaleString("en-US", { maximumFractionDigits: 1 });
}
