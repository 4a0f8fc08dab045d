"use client";

import { useState } from "react";

import { useAppLocale } from "../use-app-locale";
import { trpc } from "@calcom/trpc/react";

import type { Report } from "../../lib/services/reports";
import { errorMessage } from "../format";
import { LoadProblem } from "../LoadProblem";
import { EmptyState, LoadingState } from "../PageStates";
import { searchFromSessionsFilters } from "../sessions/sessions-filters";
import { ExportCsvButton } from "./ExportCsvButton";
import { FiguresTable } from "./FiguresTable";
import { KpiCards } from "./KpiCards";
import { ReportFilters } from "./ReportFilters";
import { DEFAULT_PRESET, filtersFromSearch, searchFromFilters, type FilterState } from "./report-filters";
import { checkRange, formatDayRange, presetRange, todayIn, type RangePreset } from "./report-ranges";
import { SeriesChart } from "./SeriesChart";

/**
 * /apps/session-checkout/reports: what happened to the sessions of a date range, in the host's zone
 * (the procedure's default), with the sessions behind the numbers as CSV.
 */
export function ReportsPage({ timeZone, searchParams }: { timeZone: string; searchParams: URLSearchParams }) {
  const { t } = useAppLocale();
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
    <section className="max-w-7xl">
      <header className="mb-4 flex items-start justify-between gap-4">
        <div>
          <h1 className="text-emphasis mb-1 mt-0 text-2xl font-bold">{t("session_checkout_reports")}</h1>
          <p className="text-subtle m-0 text-sm">
            {scopeName ? t("session_checkout_reports_scope_sessions", { scope: scopeName, timeZone }) : t("session_checkout_reports_your_sessions", { timeZone })}
          </p>
        </div>
        <ExportCsvButton input={input} scopeName={scopeName} disabled={rangeProblem !== null || !report.data || isEmpty(report.data)} />
      </header>
      <ReportFilters state={filters} range={range} eventTypes={eventTypes} scopes={scopes.data ?? []} onChange={setFilters} />
      {rangeProblem ? (
        <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
          {t(rangeProblem)}
        </p>
      ) : report.isPending ? (
        <LoadingState className="mb-4">{t("session_checkout_loading_report")}</LoadingState>
      ) : report.isError ? (
        <LoadProblem
          error={report.error}
          message={t("session_checkout_report_failed", { message: errorMessage(report.error, t) })}
          retrying={report.isFetching}
          onRetry={() => void report.refetch()}
        />
      ) : (
        <ReportBody report={report.data} updating={report.isPlaceholderData} eventTypeId={filters.eventTypeId} preset={filters.preset} timeZone={timeZone} />
      )}
    </section>
  );
}

function isEmpty(report: Report): boolean {
  const t = report.totals;
  return t.completed + t.noShow + t.cancelled + t.pending + t.awaitingCheckout + t.upcoming === 0;
}

function ReportBody({ report, updating, eventTypeId, preset, timeZone }: { report: Report; updating: boolean; eventTypeId: number | null; preset: RangePreset; timeZone: string }) {
  const { t } = useAppLocale();
  const filtered = eventTypeId !== null;
  const range = formatDayRange(report);
  // Sessions in the range that the figures below leave out, said once here.
  const notCounted = [
    report.totals.upcoming ? t("session_checkout_upcoming_count", { count: report.totals.upcoming }) : "",
    report.totals.pending ? t("session_checkout_pending_count", { count: report.totals.pending }) : "",
  ].filter(Boolean);
  const pendingNote = notCounted.length ? ` · ${notCounted.join(", ")}` : "";
  // The Sessions page reads days in the caller's zone: the link matches this figure only then.
  const awaitingHref =
    report.timeZone === timeZone
      ? `/apps/session-checkout/sessions${searchFromSessionsFilters({
          tab: "awaiting",
          search: "",
          // The same preset where the report has one ("Last week" stays "Last week"), else its two days.
          preset: preset !== "custom" && presetRange(preset, todayIn(timeZone)).from === report.from ? preset : "custom",
          custom: { from: report.from, to: report.to },
          teamId: report.scope.kind === "team" ? report.scope.teamId : null,
          eventTypeId: filtered ? eventTypeId : null,
        })}`
      : null;
  return (
    // sc-report, sc-updating and sc-range-label: no style, markers the browser tests wait for.
    <div aria-busy={updating || undefined} className={updating ? "sc-report sc-updating opacity-55 transition-opacity duration-150" : "sc-report transition-opacity duration-150"}>
      <p className="sc-range-label mb-3 mt-0 flex items-baseline gap-2" aria-live="polite">
        <strong>{range}</strong>
        <span className="text-subtle text-sm">{pendingNote}</span>
      </p>
      {isEmpty(report) ? (
        <EmptyState className="mb-4" title={t("session_checkout_report_empty_title")} description={t(filtered ? "session_checkout_report_empty_filtered" : "session_checkout_report_empty")} />
      ) : (
        <>
          <KpiCards totals={report.totals} awaitingHref={awaitingHref} />
          <SeriesChart report={report} />
          <FiguresTable
            caption={t("session_checkout_by_event_type")}
            nameHeader={t("session_checkout_event_type")}
            rows={report.eventTypes.map((e) => ({ key: String(e.eventTypeId), name: e.title, figures: e }))}
          />
          {report.scope.kind === "team" ? (
            <FiguresTable
              caption={t("session_checkout_by_member")}
              nameHeader={t("session_checkout_member")}
              rows={report.members.map((m) => ({ key: String(m.userId), name: m.name, figures: m }))}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
