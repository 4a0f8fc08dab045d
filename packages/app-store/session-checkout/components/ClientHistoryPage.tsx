"use client";

import { trpc } from "@calcom/trpc/react";
import { Badge } from "@calcom/ui/components/badge";
import { Button } from "@calcom/ui/components/button";

import { errorMessage, formatInZone, stars } from "./format";
import { formatPrice } from "./money";

/** Every session one client had with the signed-in host. */
export function ClientHistoryPage({ attendeeEmail, timeZone }: { attendeeEmail: string; timeZone: string }) {
  const history = trpc.viewer.appSessionCheckout.clientHistory.useInfiniteQuery({ attendeeEmail }, { getNextPageParam: (page) => page.nextCursor ?? undefined });
  if (history.isLoading) return <p className="sc-muted">Loading history…</p>;
  if (!history.data) return <p role="alert" className="sc-error">{history.error ? errorMessage(history.error) : "No history."}</p>;
  const first = history.data.pages[0]!;
  const sessions = history.data.pages.flatMap((page) => page.sessions);
  return (
    <section className="sc-page">
      <h1>Session history: {first.clientName ?? first.attendeeEmail}</h1>
      <p className="sc-muted">{first.attendeeEmail}</p>
      <dl className="sc-totals" aria-label="Totals">
        <div><dt>Sessions</dt><dd>{first.totals.sessions}</dd></div>
        <div><dt>Completed</dt><dd>{first.totals.completed}</dd></div>
        <div><dt>No-shows</dt><dd>{first.totals.noShows}</dd></div>
        <div><dt>Cancelled</dt><dd>{first.totals.cancelled}</dd></div>
        {first.totals.averageRating !== null ? (
          <div>
            <dt>Average rating</dt>
            <dd>
              {formatAverage(first.totals.averageRating)}/5 <span className="sc-muted sc-totals-note">over {first.totals.rated} {first.totals.rated === 1 ? "answer" : "answers"}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      {sessions.length === 0 ? (
        <p>No sessions with this client.</p>
      ) : (
        <table className="sc-table">
          <thead>
            <tr><th scope="col">Date</th><th scope="col">Event type</th><th scope="col">Status</th><th scope="col">Price</th><th scope="col">Their rating</th></tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.bookingId}>
                <td>{formatInZone(session.startTime, timeZone)}</td>
                <td>{session.eventTypeTitle ?? "—"}</td>
                <td><Badge variant={session.tone}>{session.statusLabel}</Badge></td>
                <td>{formatPrice(session.price, session.currency)}</td>
                <td><ClientRating answer={session.clientAnswer} sessionRating={session.rating} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history.hasNextPage ? (
        <Button color="secondary" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          Load more
        </Button>
      ) : null}
    </section>
  );
}

/** The client's own answer (the comment as text); else the session's rating, which in a group is everyone's mean. */
function ClientRating({ answer, sessionRating }: { answer: { rating: number; comment: string | null } | null; sessionRating: number | null }) {
  if (!answer) return <>{sessionRating ? <span className="sc-muted">Session: {sessionRating}/5</span> : "—"}</>;
  return (
    <>
      <span className="sc-stars" aria-hidden="true">{stars(answer.rating)}</span> {answer.rating}/5
      {answer.comment ? <q className="sc-survey-comment">{answer.comment}</q> : null}
    </>
  );
}

/** 4, 4.5 or 3.7: one decimal, none when whole. */
function formatAverage(average: number): string {
  return (Math.round(average * 10) / 10).toLocaleString("en-US", { maximumFractionDigits: 1 });
}
