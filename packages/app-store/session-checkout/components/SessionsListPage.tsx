"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Badge } from "@calcom/ui/components/badge";
import { Button } from "@calcom/ui/components/button";
import { ConfirmationDialogContent, Dialog } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import { checkOutInChunks } from "./bulk-chunks";
import { errorMessage, formatInZone } from "./format";
import { formatPrice } from "./money";
import { formatDayRange, type AwaitingFilter } from "./reports/report-ranges";

type BulkResult = Awaited<ReturnType<ReturnType<typeof useBulkCheckout>["mutateAsync"]>>;

function useBulkCheckout() {
  return trpc.viewer.appSessionCheckout.bulkCheckout.useMutation();
}

/** Past sessions of the last four weeks, or those awaiting checkout in a range (the report's link), to select and check out together. */
export function SessionsListPage({ timeZone, awaitingIn }: { timeZone: string; awaitingIn: AwaitingFilter | null }) {
  const utils = trpc.useUtils();
  const [page, setPage] = useState(0);
  // placeholderData keeps the previous page on screen while the next loads (TanStack's keepPreviousData).
  const sessions = trpc.viewer.appSessionCheckout.pastSessions.useQuery(awaitingIn ? { awaitingIn, page } : { days: 28, page }, { placeholderData: (previous) => previous });
  const bulk = useBulkCheckout();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (sessions.isLoading) return <p className="sc-muted">Loading sessions…</p>;
  if (!sessions.data) return <p role="alert" className="sc-error">{sessions.error ? errorMessage(sessions.error) : "No sessions."}</p>;
  const { sessions: rows, total, pageSize } = sessions.data;
  const selectable = rows.filter((row) => row.checkout.allowed);
  const firstShown = page * pageSize + 1;
  const lastShown = page * pageSize + rows.length;
  const titles = new Map(rows.map((row) => [row.bookingId, `${formatInZone(row.startTime, timeZone)} · ${row.attendeeNames.join(", ")}`]));
  const toggle = (id: number, on: boolean) => setSelected((current) => { const next = new Set(current); if (on) next.add(id); else next.delete(id); return next; });

  const run = async () => {
    setError(null);
    try {
      const outcome = await checkOutInChunks(Array.from(selected), (bookingIds) => bulk.mutateAsync({ bookingIds }));
      setResult(outcome);
      setSelected(new Set());
      showToast(`${outcome.succeeded} checked out, ${outcome.failed} refused.`, outcome.failed ? "warning" : "success");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setConfirming(false);
      await utils.viewer.appSessionCheckout.pastSessions.invalidate();
    }
  };

  return (
    <section className="sc-page">
      <h1>{awaitingIn ? "Awaiting checkout" : "Past sessions"}</h1>
      {awaitingIn ? (
        <p className="sc-muted">
          Confirmed sessions that have ended and are not checked out, started {formatDayRange(awaitingIn)}. <a href="/apps/session-checkout/sessions">All past sessions</a>
        </p>
      ) : null}
      <div className="sc-row">
        <span>{selected.size} selected</span>
        {/* The confirmation closes as soon as it is confirmed: the button waits for the checkout to finish. */}
        <Button disabled={selected.size === 0 || bulk.isPending} onClick={() => setConfirming(true)}>
          Check Out selected
        </Button>
      </div>
      {error ? <p role="alert" className="sc-error">{error}</p> : null}
      {result ? (
        <div role="status" className="sc-bulk-result" aria-label="Bulk checkout result">
          <p><strong>{result.succeeded}</strong> checked out, <strong>{result.failed}</strong> refused.</p>
          <ul>
            {result.results.map((outcome) => (
              <li key={outcome.bookingId}>
                {titles.get(outcome.bookingId) ?? `Session ${outcome.bookingId}`}: {outcome.ok ? "checked out (Completed)" : outcome.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <table className="sc-table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all sessions that can be checked out"
                disabled={selectable.length === 0}
                checked={selectable.length > 0 && selected.size === selectable.length}
                onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((r) => r.bookingId)) : new Set())}
              />
            </th>
            <th scope="col">Date</th><th scope="col">Client</th><th scope="col">Event type</th><th scope="col">Price</th><th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="sc-muted">{awaitingIn ? "Nothing awaits checkout in this range." : "No sessions in the last four weeks."}</td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.bookingId}>
              <td>
                {/* Only rows the rules would check out can be selected; the others say why. */}
                <input
                  type="checkbox"
                  aria-label={`Select ${titles.get(row.bookingId)}`}
                  disabled={!row.checkout.allowed}
                  title={row.checkout.allowed ? undefined : row.checkout.reason}
                  checked={selected.has(row.bookingId)}
                  onChange={(e) => toggle(row.bookingId, e.target.checked)}
                />
              </td>
              <td>{formatInZone(row.startTime, timeZone)}</td>
              <td>{row.attendeeNames.join(", ")}</td>
              <td>{row.eventTypeTitle ?? "—"}</td>
              <td>{formatPrice(row.price, row.currency)}</td>
              <td><Badge variant={row.tone}>{row.statusLabel}</Badge></td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > 0 ? (
        <nav className="sc-pager" aria-label="Pages">
          <span aria-live="polite">
            {firstShown.toLocaleString("en-US")}–{lastShown.toLocaleString("en-US")} of {total.toLocaleString("en-US")} sessions
          </span>
          {total > pageSize ? (
            <>
              <Button color="secondary" disabled={page === 0 || sessions.isPlaceholderData} onClick={() => { setPage(page - 1); setSelected(new Set()); }}>
                Previous
              </Button>
              <Button color="secondary" disabled={lastShown >= total || sessions.isPlaceholderData} onClick={() => { setPage(page + 1); setSelected(new Set()); }}>
                Next
              </Button>
            </>
          ) : null}
        </nav>
      ) : null}
      {confirming ? (
        <Dialog open onOpenChange={(open) => !open && setConfirming(false)}>
          <ConfirmationDialogContent
            title={`Check out ${selected.size} session${selected.size === 1 ? "" : "s"}?`}
            confirmBtnText="Check Out"
            cancelBtnText="Cancel"
            isPending={bulk.isPending}
            onConfirm={() => void run()}
          >
            Each selected session that is Confirmed and has started becomes Completed. The others are left as they are, and the result says why.
          </ConfirmationDialogContent>
        </Dialog>
      ) : null}
    </section>
  );
}
