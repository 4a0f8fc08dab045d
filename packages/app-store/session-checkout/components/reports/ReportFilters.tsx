import { useId, type ReactNode } from "react";

import { useAppLocale } from "../use-app-locale";

import type { ReportScopeChoice } from "../../lib/services/report-scopes";
import type { FilterState } from "./report-filters";
import { RANGE_PRESETS, type DayRange } from "./report-ranges";

// The filters' own inputs and selects: as wide as their content, a little smaller than the page's.
const CONTROL = "bg-default text-emphasis w-auto min-w-40 px-2 py-1.5 text-sm";

/** Date range (presets or two dates), event type and, for team admins, whose sessions: the Reports and Sessions pages' filters. */
export function ReportFilters({
  state,
  range,
  eventTypes,
  scopes,
  onChange,
  search,
}: {
  state: FilterState;
  range: DayRange;
  eventTypes: Array<{ id: number; title: string }>;
  scopes: ReportScopeChoice[];
  onChange: (next: FilterState) => void;
  /** A search field of the page's own, first in the bar (the Sessions page's client search). */
  search?: ReactNode;
}) {
  const { t } = useAppLocale();
  const id = useId();
  const teams = scopes.filter((scope): scope is Extract<ReportScopeChoice, { kind: "team" }> => scope.kind === "team");
  // A chosen event type with no session in the range is still shown as chosen.
  const chosen = state.eventTypeId;
  const options = chosen !== null && !eventTypes.some((e) => e.id === chosen) ? [{ id: chosen, title: t("session_checkout_chosen_event_type_none_in_range") }, ...eventTypes] : eventTypes;
  return (
    <div className="bg-default border-subtle mb-4 flex flex-wrap items-end gap-x-6 gap-y-3 rounded-lg border px-4 py-3">
      {search}
      <div className="border-subtle inline-flex max-w-full flex-wrap overflow-hidden rounded-lg border" role="group" aria-label={t("session_checkout_date_range")}>
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="bg-default text-emphasis border-subtle aria-pressed:bg-brand-default aria-pressed:text-brand hover:not-aria-pressed:bg-cal-muted flex-[1_0_auto] cursor-pointer whitespace-nowrap border-0 border-r px-3.5 py-1.5 text-sm [font-family:inherit] last:border-r-0 focus-visible:outline-3 focus-visible:-outline-offset-3 focus-visible:outline-blue-300"
            aria-pressed={state.preset === preset.id}
            // Custom starts from the range on screen, so the two dates are a small edit away.
            onClick={() => onChange({ ...state, preset: preset.id, custom: preset.id === "custom" && state.preset !== "custom" ? range : state.custom })}
          >
            {t(preset.labelKey)}
          </button>
        ))}
      </div>
      {state.preset === "custom" ? (
        <div className="flex flex-wrap gap-3">
          <Field id={`${id}-from`} label={t("session_checkout_from")}>
            <input id={`${id}-from`} type="date" className={CONTROL} value={state.custom.from} max={state.custom.to || undefined} onChange={(e) => onChange({ ...state, custom: { ...state.custom, from: e.target.value } })} />
          </Field>
          <Field id={`${id}-to`} label={t("session_checkout_to")}>
            <input id={`${id}-to`} type="date" className={CONTROL} value={state.custom.to} min={state.custom.from || undefined} onChange={(e) => onChange({ ...state, custom: { ...state.custom, to: e.target.value } })} />
          </Field>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Field id={`${id}-event-type`} label={t("session_checkout_event_type")}>
          <select id={`${id}-event-type`} className={CONTROL} value={state.eventTypeId ?? ""} onChange={(e) => onChange({ ...state, eventTypeId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t("session_checkout_all_event_types")}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.title}
              </option>
            ))}
          </select>
        </Field>
        {teams.length ? (
          <Field id={`${id}-scope`} label={t("session_checkout_sessions")}>
            <select
              id={`${id}-scope`}
              className={CONTROL}
              value={state.teamId ?? ""}
              // Event types belong to a scope: a new scope starts from all of its event types.
              onChange={(e) => onChange({ ...state, teamId: e.target.value ? Number(e.target.value) : null, eventTypeId: null })}
            >
              <option value="">{t("session_checkout_my_sessions")}</option>
              {teams.map((team) => (
                <option key={team.teamId} value={team.teamId}>
                  {team.teamName}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </div>
    </div>
  );
}

// A label beside its control rather than around it, so the control's name is the label alone.
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-subtle text-xs font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}
