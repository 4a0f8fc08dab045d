"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";

import type { Report } from "../../lib/services/reports";
import { errorMessage, isRetryable } from "../format";
import { ExportCsvButton } from "./ExportCsvButton";
import { FiguresTable } from "./FiguresTable";
import { KpiCards } from "./KpiCards";
import { ReportFilters } from "./ReportFilters";
import { DEFAULT_PRESET, filtersFromSearch, searchFromFilters, type FilterState } from "./report-filters";
import { checkRange, formatDayRange, presetRange, todayIn } from "./report-ranges";
import { SeriesChart } from "./SeriesChart";

/**
 * /apps/session-checkout/reports: what happened to the sessions of a date range, in the host's zone
 * (the procedure's default), with the sessions behind the numbers as CSV.
 */
export function ReportsPage({ timeZone, searchParams }: { timeZone: string; searchParams: URLSearchParams }) {
  const [filters, setFilterState] = useState<FilterState>(() => filtersFromSearch(searchParams, presetRange(DEFAULT_PRESET, todayIn(timeZone))));
  const setFilters = (next: FilterState) => {
    setFilterState(next);
    // The address follows the filters (replaced, not pushed: Back leaves the page as it did).
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${searchFromFilters(next)}`);
  };
  const range = filters.preset === "custom" ? filters.custom : presetRange(filters.preset, todayIn(timeZone));
  const rangeProblem = checkRange(range);

  const scopes = trpc.viewer.appSessionCheckout.reportScopes.useQuery();
  const scopeInput = { from: range.from, to: range.to, ...(filters.teamId !== null ? { teamId: filters.teamId } : {}) };
  const input = { ...scopeInput, ...(filters.eventTypeId !== null ? { eventTypeId: filters.eventTypeId } : {}) };
  // placeholderData keeps the previous report on screen while the next loads (TanStack's keepPreviousData).
  const report = trpc.viewer.appSessionCheckout.reports.useQuery(input, { enabled: rangeProblem === null, placeholderData: (previous) => previous });
  // The event types to choose from are those of the whole scope, also while one is chosen (the same query when none is).
  const unfiltered = trpc.viewer.appSessionCheckout.reports.useQuery(scopeInput, { enabled: rangeProblem === null });
  const eventTypes = (unfiltered.data?.eventTypes ?? []).flatMap((e) => (e.eventTypeId === null ? [] : [{ id: e.eventTypeId, title: e.title }]));
  const teamName = scopes.data?.find((scope) => scope.kind === "team" && scope.teamId === filters.teamId);
  const scopeName = teamName?.kind === "team" ? teamName.teamName : null;

  return (
    <section className="sc-page sc-reports">
      <header className="sc-page-header">
        <div>
          <h1>Reports</h1>
          <p className="sc-muted">
            {scopeName ? `${scopeName}'s sessions` : "Your sessions"}, by the day they started in {timeZone}.
          </p>
        </div>
        <ExportCsvButton input={input} scopeName={scopeName} disabled={rangeProblem !== null || !report.data || isEmpty(report.data)} />
      </header>
      <ReportFilters state={filters} range={range} eventTypes={eventTypes} scopes={scopes.data ?? []} onChange={setFilters} />
      {rangeProblem ? (
        <p role="alert" className="sc-error">{rangeProblem}</p>
      ) : report.isPending ? (
        <p role="status" className="sc-card sc-loading">Loading the report…</p>
      ) : report.isError ? (
        <div role="alert" className="sc-error sc-error-retry">
          <span>Could not load the report: {errorMessage(report.error)}</span>
          {isRetryable(report.error) ? (
            <Button color="secondary" loading={report.isFetching} onClick={() => void report.refetch()}>
              Retry
            </Button>
          ) : null}
        </div>
      ) : (
        <ReportBody report={report.data} updating={report.isPlaceholderData} eventTypeId={filters.eventTypeId} timeZone={timeZone} />
      )}
    </section>
  );
}

function isEmpty(report: Report): boolean {
  const t = report.totals;
  return t.completed + t.noShow + t.cancelled + t.pending + t.awaitingCheckout + t.upcoming === 0;
}

function ReportBody({ report, updating, eventTypeId, timeZone }: { report: Report; updating: boolean; eventTypeId: number | null; timeZone: string }) {
  const filtered = eventTypeId !== null;
  const range = formatDayRange(report);
  // Sessions in the range that the figures below leave out, said once here.
  const notCounted = [report.totals.upcoming ? `${report.totals.upcoming} upcoming` : "", report.totals.pending ? `${report.totals.pending} pending` : ""].filter(Boolean);
  const pendingNote = notCounted.length ? ` · ${notCounted.join(", ")}` : "";
  // The Sessions page lists the caller's own sessions in their zone: the link matches this figure only then.
  const awaitingHref =
    report.scope.kind === "host" && report.timeZone === timeZone
      ? `/apps/session-checkout/sessions?status=awaiting&from=${report.from}&to=${report.to}${filtered ? `&eventType=${eventTypeId}` : ""}`
      : null;
  return (
    <div aria-busy={updating || undefined} className={updating ? "sc-report sc-updating" : "sc-report"}>
      <p className="sc-range-label" aria-live="polite">
        <strong>{range}</strong>
        <span className="sc-muted">{pendingNote}</span>
      </p>
      {isEmpty(report) ? (
        <div className="sc-card sc-empty" role="status">
          <h2>No sessions in this range</h2>
          <p className="sc-muted">
            No session {filtered ? "of this event type " : ""}starts between these dates. Try a longer range, such as Last 30 days{filtered ? ", or all event types" : ""}.
          </p>
        </div>
      ) : (
        <>
          <KpiCards totals={report.totals} awaitingHref={awaitingHref} />
          <SeriesChart report={report} />
          <FiguresTable
            caption="By event type"
            nameHeader="Event type"
            rows={report.eventTypes.map((e) => ({ key: String(e.eventTypeId), name: e.title, figures: e }))}
          />
          {report.scope.kind === "team" ? (
            <FiguresTable caption="By member" nameHeader="Member" rows={report.members.map((m) => ({ key: String(m.userId), name: m.name, figures: m }))} />
          ) : null}
        </>
      )}
    </div>
  );
}
