"use client";

import { useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { ConfirmationDialogContent, Dialog } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import { checkOutInChunks, outcomeText, type BulkCheckoutResult } from "./bulk-chunks";
import { errorMessage, formatInZone } from "./format";
import { formatPrice } from "./money";
import { formatDayRange, type AwaitingFilter } from "./reports/report-ranges";
import { SESSION_TABLE_CLASS_NAME } from "./session-table";
import { SessionStatusBadge } from "./SessionStatusBadge";

/** Past sessions of the last four weeks, or those awaiting checkout in a range (the report's link), to select and check out together. */
export function SessionsListPage({ timeZone, awaitingIn }: { timeZone: string; awaitingIn: AwaitingFilter | null }) {
  const { t } = useAppLocale();
  const utils = trpc.useUtils();
  const [page, setPage] = useState(0);
  // placeholderData keeps the previous page on screen while the next loads (TanStack's keepPreviousData).
  const sessions = trpc.viewer.appSessionCheckout.pastSessions.useQuery(awaitingIn ? { awaitingIn, page } : { days: 28, page }, { placeholderData: (previous) => previous });
  const bulk = trpc.viewer.appSessionCheckout.bulkCheckout.useMutation();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<BulkCheckoutResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (sessions.isLoading) return <p className="text-subtle text-sm">{t("session_checkout_loading_sessions")}</p>;
  if (!sessions.data)
    return (
      <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
        {sessions.error ? errorMessage(sessions.error, t) : t("session_checkout_no_sessions")}
      </p>
    );
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
      showToast(t("session_checkout_bulk_result", { succeeded: outcome.succeeded, failed: outcome.failed }), outcome.failed ? "warning" : "success");
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setConfirming(false);
      await utils.viewer.appSessionCheckout.pastSessions.invalidate();
    }
  };

  return (
    <section>
      <h1 className="text-emphasis mb-4 mt-0 text-2xl font-bold">{t(awaitingIn ? "session_checkout_awaiting_checkout" : "session_checkout_past_sessions")}</h1>
      {awaitingIn ? (
        <p className="text-subtle text-sm">
          {t("session_checkout_awaiting_checkout_description", { range: formatDayRange(awaitingIn) })}{" "}
          <a href="/apps/session-checkout/sessions">{t("session_checkout_all_past_sessions")}</a>
        </p>
      ) : null}
      <div className="mt-1.5 flex items-center justify-between gap-2">
        <span>{t("session_checkout_selected_count", { count: selected.size })}</span>
        {/* The confirmation closes as soon as it is confirmed: the button waits for the checkout to finish. */}
        <Button disabled={selected.size === 0} loading={bulk.isPending} onClick={() => setConfirming(true)}>
          {t("session_checkout_check_out_selected")}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
          {error}
        </p>
      ) : null}
      {result ? (
        <div role="status" className="bg-default border-subtle my-3 rounded-lg border px-4 py-2" aria-label={t("session_checkout_bulk_result_label")}>
          <p>{t("session_checkout_bulk_result", { succeeded: result.succeeded, failed: result.failed })}</p>
          <ul>
            {result.results.map((outcome) => (
              <li key={outcome.bookingId}>
                {titles.get(outcome.bookingId) ?? t("session_checkout_session_number", { id: outcome.bookingId })}: {outcomeText(outcome, t)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className={SESSION_TABLE_CLASS_NAME}>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  className="w-auto"
                  aria-label={t("session_checkout_select_all")}
                  disabled={selectable.length === 0 || bulk.isPending}
                  checked={selectable.length > 0 && selected.size === selectable.length}
                  onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((r) => r.bookingId)) : new Set())}
                />
              </th>
              <th scope="col">{t("session_checkout_date")}</th>
              <th scope="col">{t("session_checkout_client")}</th>
              <th scope="col">{t("session_checkout_event_type")}</th>
              <th scope="col">{t("session_checkout_price")}</th>
              <th scope="col">{t("session_checkout_status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="text-subtle text-sm">
                  {t(awaitingIn ? "session_checkout_nothing_awaits_checkout" : "session_checkout_no_recent_sessions")}
                </td>
              </tr>
            ) : null}
            {rows.map((row) => (
              <tr key={row.bookingId}>
                <td>
                  {/* Only rows the rules would check out can be selected; the others say why. */}
                  <input
                    type="checkbox"
                    className="w-auto"
                    aria-label={t("session_checkout_select_session", { session: titles.get(row.bookingId) })}
                    disabled={!row.checkout.allowed || bulk.isPending}
                    title={row.checkout.allowed ? undefined : row.checkout.reason}
                    checked={selected.has(row.bookingId)}
                    onChange={(e) => toggle(row.bookingId, e.target.checked)}
                  />
                </td>
                <td>
                  {/* Cal.com's booking page: the session with its dialog. */}
                  <a href={`/booking/${encodeURIComponent(row.uid)}`}>{formatInZone(row.startTime, timeZone)}</a>
                </td>
                <td>{row.attendeeNames.join(", ")}</td>
                <td>{row.eventTypeTitle ?? "—"}</td>
                <td>{formatPrice(row.price, row.currency, t)}</td>
                <td><SessionStatusBadge status={row.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > 0 ? (
        <nav className="my-3 flex items-center justify-end gap-3" aria-label={t("session_checkout_pages")}>
          <span aria-live="polite">{t("session_checkout_pager_range", { first: firstShown, last: lastShown, total })}</span>
          {total > pageSize ? (
            <>
              <Button color="secondary" disabled={page === 0 || sessions.isPlaceholderData || bulk.isPending} onClick={() => { setPage(page - 1); setSelected(new Set()); }}>
                {t("session_checkout_previous")}
              </Button>
              <Button color="secondary" disabled={lastShown >= total || sessions.isPlaceholderData || bulk.isPending} onClick={() => { setPage(page + 1); setSelected(new Set()); }}>
                {t("session_checkout_next")}
              </Button>
            </>
          ) : null}
        </nav>
      ) : null}
      {confirming ? (
        <Dialog open onOpenChange={(open) => !open && setConfirming(false)}>
          <ConfirmationDialogContent
            title={t("session_checkout_bulk_confirm_title", { count: selected.size })}
            confirmBtnText={t("session_checkout_action_checkout")}
            cancelBtnText={t("session_checkout_cancel")}
            isPending={bulk.isPending}
            onConfirm={() => void run()}
          >
            {t("session_checkout_bulk_confirm_description")}
          </ConfirmationDialogContent>
        </Dialog>
      ) : null}
    </section>
  );
}
