"use client";

import { useInfiniteQuery } from "@tanstack/react-query";

import { useTRPC } from "@calcom/trpc/react";
import { Badge } from "@calcom/ui/components/badge";
import { Button } from "@calcom/ui/components/button";

import { errorMessage, formatInZone } from "./format";
import { formatPrice } from "./money";

/** Every session one client had with the signed-in host. */
export function ClientHistoryPage({ attendeeEmail, timeZone }: { attendeeEmail: string; timeZone: string }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.viewer.appSessionCheckout.clientHistory.infiniteQueryOptions({ attendeeEmail }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
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
      </dl>
      {sessions.length === 0 ? (
        <p>No sessions with this client.</p>
      ) : (
        <table className="sc-table">
          <thead>
            <tr><th scope="col">Date</th><th scope="col">Event type</th><th scope="col">Status</th><th scope="col">Price</th><th scope="col">Rating</th></tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.bookingId}>
                <td>{formatInZone(session.startTime, timeZone)}</td>
                <td>{session.eventTypeTitle ?? "—"}</td>
                <td><Badge variant={session.tone}>{session.statusLabel}</Badge></td>
                <td>{formatPrice(session.price, session.currency)}</td>
                <td>{session.rating ? `${session.rating}/5` : "—"}</td>
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
