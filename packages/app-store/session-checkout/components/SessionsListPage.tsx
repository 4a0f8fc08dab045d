"use client";

import { useEffect, useId, useRef, useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { ConfirmationDialogContent, Dialog } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import type { SessionListRow } from "../lib/services/session-list";
import { SEARCH_MAX_CHARACTERS, type SessionListCounts } from "../lib/session-list-tabs";
import { ACTION_COPY } from "./action-copy";
import { checkOutInChunks, outcomeText, type BulkCheckoutResult } from "./bulk-chunks";
import { errorMessage } from "./format";
import { LoadProblem } from "./LoadProblem";
import { EmptyState, LoadingState } from "./PageStates";
import { ReportFilters } from "./reports/ReportFilters";
import { checkRange, presetRange, todayIn } from "./reports/report-ranges";
import { SessionDialog } from "./sessions/SessionDialog";
import { useSessionListTitle } from "./sessions/session-title";
import { searchFromSessionsFilters, SESSIONS_DEFAULT_PRESET, sessionsFiltersFromSearch, type SessionsFilterState } from "./sessions/sessions-filters";
import { SESSION_TAB_EMPTY_KEYS, SessionTabs } from "./sessions/SessionTabs";
import { SessionsTable } from "./sessions/SessionsTable";

/** How long typing pauses before the list asks again. */
const SEARCH_DELAY_MS = 300;

/**
 * /apps/session-checkout/sessions: the host's sessions (or a team's, for its admins) by tab — awaiting
 * checkout, completed, no-show, cancelled, all — with search, date range and event type; a row opens
 * the session, and sessions that can be checked out can be checked out one at a time or together.
 */
export function SessionsListPage({ timeZone, searchParams }: { timeZone: string; searchParams: URLSearchParams }) {
  const { t } = useAppLocale();
  const sessionListTitle = useSessionListTitle();
  const utils = trpc.useUtils();
  const panelId = useId();
  const [filters, setFilterState] = useState<SessionsFilterState>(() => sessionsFiltersFromSearch(searchParams, presetRange(SESSIONS_DEFAULT_PRESET, todayIn(timeZone))));
  const [typed, setTyped] = useState(filters.search);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [opened, setOpened] = useState<SessionListRow | null>(null);
  const [confirming, setConfirming] = useState<{ kind: "bulk" } | { kind: "one"; row: SessionListRow } | null>(null);
  // With each session's name as it was when sent: a checked-out session leaves the awaiting tab.
  const [result, setResult] = useState<{ outcome: BulkCheckoutResult; titles: ReadonlyMap<number, string> } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const setFilters = (next: SessionsFilterState) => {
    setFilterState(next);
    // Another list: its own first page, nothing selected, no earlier result.
    setPage(0);
    setSelected(new Set());
    setResult(null);
    setError(null);
    // The address follows the filters (replaced, not pushed: Back leaves the page as it did).
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${searchFromSessionsFilters(next)}`);
  };
  // The filters as they are when a pause in typing ends (other filters may have changed meanwhile).
  const latest = useRef(filters);
  latest.current = filters;
  useEffect(() => {
    if (typed === latest.current.search) return;
    const timer = setTimeout(() => setFilters({ ...latest.current, search: typed }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // Only typing starts the wait.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const range = filters.preset === "custom" ? filters.custom : presetRange(filters.preset, todayIn(timeZone));
  const rangeProblem = checkRange(range);
  const scopes = trpc.viewer.appSessionCheckout.reportScopes.useQuery();
  const input = {
    from: range.from,
    to: range.to,
    tab: filters.tab,
    page,
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.eventTypeId !== null ? { eventTypeId: filters.eventTypeId } : {}),
    ...(filters.teamId !== null ? { teamId: filters.teamId } : {}),
  };
  // The list apart from its page: another page keeps the rows on screen while it loads (TanStack's
  // keepPreviousData); another tab or filter does not, or its rows would show under the new tab.
  const listKey = JSON.stringify({ ...input, page: null });
  const shownListKey = useRef<string | null>(null);
  const sessions = trpc.viewer.appSessionCheckout.listSessions.useQuery(input, {
    enabled: rangeProblem === null,
    placeholderData: (previous) => (shownListKey.current === listKey ? previous : undefined),
  });
  if (sessions.data && !sessions.isPlaceholderData) shownListKey.current = listKey;
  // Every tab's count is the same under the same filters: kept while another tab loads.
  const countsKey = JSON.stringify({ ...input, page: null, tab: null });
  const shownCounts = useRef<{ key: string; counts: SessionListCounts } | null>(null);
  if (sessions.data) shownCounts.current = { key: countsKey, counts: sessions.data.counts };
  const counts = shownCounts.current?.key === countsKey ? shownCounts.current.counts : null;
  const bulk = trpc.viewer.appSessionCheckout.bulkCheckout.useMutation();
  const checkout = trpc.viewer.appSessionCheckout.checkout.useMutation();
  // Rows of the page before, while the next loads, are not to act on.
  const busy = bulk.isPending || checkout.isPending || sessions.isPlaceholderData;
  const refresh = () => utils.viewer.appSessionCheckout.listSessions.invalidate();

  const list = sessions.data;
  const rows = list?.sessions ?? [];
  const titles = new Map(rows.map((row) => [row.bookingId, sessionListTitle(row, timeZone)]));
  // What is ticked and still here to check out (a session checked out from its dialog, or gone on a refresh, is not).
  const chosen = rows.filter((row) => row.checkout.allowed && selected.has(row.bookingId)).map((row) => row.bookingId);
  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const runBulk = async () => {
    setError(null);
    try {
      const sent = new Map(chosen.map((id) => [id, titles.get(id) ?? ""]));
      const outcome = await checkOutInChunks(chosen, (bookingIds) => bulk.mutateAsync({ bookingIds }));
      setResult({ outcome, titles: sent });
      setSelected(new Set());
      showToast(t("session_checkout_bulk_result", { succeeded: outcome.succeeded, failed: outcome.failed }), outcome.failed ? "warning" : "success");
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setConfirming(null);
      await refresh();
    }
  };
  const runOne = async (row: SessionListRow) => {
    setError(null);
    try {
      await checkout.mutateAsync({ bookingId: row.bookingId });
      showToast(t(ACTION_COPY.checkout.done), "success");
      setSelected((current) => new Set(Array.from(current).filter((id) => id !== row.bookingId)));
    } catch (e) {
      setError(`${titles.get(row.bookingId) ?? ""}: ${errorMessage(e, t)}`);
    } finally {
      setConfirming(null);
      await refresh();
    }
  };

  // A page checked empty (its last sessions checked out): the last page that has any.
  useEffect(() => {
    if (list && !sessions.isPlaceholderData && list.sessions.length === 0 && list.total > 0 && page > 0) setPage(Math.floor((list.total - 1) / list.pageSize));
  }, [list, sessions.isPlaceholderData, page]);
  // A link to a team the caller no longer administers: their own sessions instead of a refusal with no way back.
  useEffect(() => {
    if (filters.teamId !== null && scopes.data && !scopes.data.some((scope) => scope.kind === "team" && scope.teamId === filters.teamId)) setFilters({ ...filters, teamId: null, eventTypeId: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scopes.data, filters.teamId]);

  const scopeName = list?.scope.kind === "team" ? list.scope.teamName : null;
  const firstShown = list ? list.page * list.pageSize + 1 : 0;
  const lastShown = list ? list.page * list.pageSize + rows.length : 0;
  const searching = filters.search.trim() !== "";

  return (
    <section className="max-w-7xl">
      <header className="mb-4">
        <h1 className="text-emphasis mb-1 mt-0 text-2xl font-bold">{t("session_checkout_sessions")}</h1>
        <p className="text-subtle m-0 text-sm">
          {scopeName ? t("session_checkout_sessions_scope_description", { scope: scopeName, timeZone }) : t("session_checkout_sessions_description", { timeZone })}
        </p>
      </header>
      <ReportFilters
        state={filters}
        range={range}
        eventTypes={list?.eventTypes ?? []}
        scopes={scopes.data ?? []}
        onChange={(next) => setFilters({ ...filters, ...next })}
        search={
          <input
            type="search"
            className="bg-default text-emphasis w-64 max-w-full px-2 py-1.5 text-sm"
            placeholder={t("session_checkout_search_clients_placeholder")}
            aria-label={t("session_checkout_search_clients")}
            maxLength={SEARCH_MAX_CHARACTERS}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        }
      />
      <SessionTabs tab={filters.tab} counts={counts} panelId={panelId} onChange={(tab) => setFilters({ ...filters, tab })} />
      <div role="tabpanel" id={panelId} aria-labelledby={`${panelId}-${filters.tab}`} aria-busy={sessions.isPlaceholderData || undefined} className={sessions.isPlaceholderData ? "opacity-60" : undefined}>
        {rows.some((row) => row.checkout.allowed) ? (
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <span className="text-subtle text-sm">{t("session_checkout_selected_count", { count: chosen.length })}</span>
            {/* The confirmation closes as soon as it is confirmed: the button waits for the checkout to finish. */}
            <Button disabled={chosen.length === 0 || busy} loading={bulk.isPending} onClick={() => setConfirming({ kind: "bulk" })}>
              {t("session_checkout_check_out_selected")}
            </Button>
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="bg-error text-error rounded-md px-3 py-2 text-sm">
            {error}
          </p>
        ) : null}
        {result ? (
          <div role="status" className="bg-default border-subtle my-3 rounded-lg border px-4 py-2 text-sm" aria-label={t("session_checkout_bulk_result_label")}>
            <p>{t("session_checkout_bulk_result", { succeeded: result.outcome.succeeded, failed: result.outcome.failed })}</p>
            <ul>
              {result.outcome.results.map((outcome) => (
                <li key={outcome.bookingId}>
                  {result.titles.get(outcome.bookingId) || t("session_checkout_session_number", { id: outcome.bookingId })}: {outcomeText(outcome, t)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {rangeProblem ? (
          <p role="alert" className="bg-error text-error rounded-md px-3 py-2 text-sm">
            {t(rangeProblem)}
          </p>
        ) : sessions.isPending ? (
          <LoadingState className="text-sm">{t("session_checkout_loading_sessions")}</LoadingState>
        ) : !list ? (
          <LoadProblem error={sessions.error} message={errorMessage(sessions.error, t)} retrying={sessions.isFetching} onRetry={() => void sessions.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            title={searching ? t("session_checkout_sessions_none_found", { search: filters.search.trim() }) : t(SESSION_TAB_EMPTY_KEYS[filters.tab].title)}
            description={t(searching ? "session_checkout_sessions_none_found_hint" : SESSION_TAB_EMPTY_KEYS[filters.tab].description)}
          >
            {/* A team admin with no sessions of their own here: their teams' are one click away. */}
            {list.scope.kind === "host" && list.counts.all === 0 && !searching ? (
              <div className="mt-4 flex flex-wrap justify-center gap-2">
                {(scopes.data ?? []).flatMap((scope) =>
                  scope.kind === "team" ? (
                    <Button key={scope.teamId} color="secondary" onClick={() => setFilters({ ...filters, teamId: scope.teamId, eventTypeId: null })}>
                      {t("session_checkout_show_team_sessions", { team: scope.teamName })}
                    </Button>
                  ) : [],
                )}
              </div>
            ) : null}
          </EmptyState>
        ) : (
          <SessionsTable
            rows={rows}
            timeZone={timeZone}
            showHost={list.scope.kind === "team"}
            selected={selected}
            busy={busy}
            onToggle={toggle}
            onToggleAll={(on) => setSelected(on ? new Set(rows.filter((row) => row.checkout.allowed).map((row) => row.bookingId)) : new Set())}
            onOpen={setOpened}
            onCheckout={(row) => setConfirming({ kind: "one", row })}
          />
        )}
        {list && list.total > 0 ? (
          <nav className="my-3 flex items-center justify-end gap-3 text-sm" aria-label={t("session_checkout_pages")}>
            <span aria-live="polite">{t("session_checkout_pager_range", { first: firstShown, last: lastShown, total: list.total, count: list.total })}</span>
            {list.total > list.pageSize ? (
              <>
                <Button color="secondary" disabled={page === 0 || sessions.isPlaceholderData || busy} onClick={() => { setPage(page - 1); setSelected(new Set()); }}>
                  {t("session_checkout_previous")}
                </Button>
                <Button color="secondary" disabled={lastShown >= list.total || sessions.isPlaceholderData || busy} onClick={() => { setPage(page + 1); setSelected(new Set()); }}>
                  {t("session_checkout_next")}
                </Button>
              </>
            ) : null}
          </nav>
        ) : null}
      </div>
      {opened ? <SessionDialog row={opened} timeZone={timeZone} onClose={() => setOpened(null)} onSessionChanged={() => void refresh()} /> : null}
      {confirming ? (
        <Dialog open onOpenChange={(open) => !open && setConfirming(null)}>
          {confirming.kind === "bulk" ? (
            <ConfirmationDialogContent
              title={t("session_checkout_bulk_confirm_title", { count: chosen.length })}
              confirmBtnText={t("session_checkout_action_checkout")}
              cancelBtnText={t("session_checkout_cancel")}
              isPending={bulk.isPending}
              onConfirm={() => void runBulk()}
            >
              {t("session_checkout_bulk_confirm_description")}
            </ConfirmationDialogContent>
          ) : (
            <ConfirmationDialogContent
              title={t(ACTION_COPY.checkout.title)}
              confirmBtnText={t(ACTION_COPY.checkout.confirm)}
              cancelBtnText={t("session_checkout_cancel")}
              isPending={checkout.isPending}
              onConfirm={() => void runOne(confirming.row)}
            >
              <strong className="text-emphasis">{titles.get(confirming.row.bookingId)}</strong>
              <br />
              {t(ACTION_COPY.checkout.description)}
            </ConfirmationDialogContent>
          )}
        </Dialog>
      ) : null}
    </section>
  );
}
