import { useId, type ReactNode } from "react";

import type { ReportScopeChoice } from "../../lib/services/report-scopes";
import type { FilterState } from "./report-filters";
import { RANGE_PRESETS, type DayRange } from "./report-ranges";

/** Date range (presets or two dates), event type and, for team admins, whose sessions. */
export function ReportFilters({
  state,
  range,
  eventTypes,
  scopes,
  onChange,
}: {
  state: FilterState;
  range: DayRange;
  eventTypes: Array<{ id: number; title: string }>;
  scopes: ReportScopeChoice[];
  onChange: (next: FilterState) => void;
}) {
  const id = useId();
  const teams = scopes.filter((scope): scope is Extract<ReportScopeChoice, { kind: "team" }> => scope.kind === "team");
  // A chosen event type with no session in the range is still shown as chosen.
  const chosen = state.eventTypeId;
  const options = chosen !== null && !eventTypes.some((e) => e.id === chosen) ? [{ id: chosen, title: "Chosen event type (none in this range)" }, ...eventTypes] : eventTypes;
  return (
    <div className="sc-card sc-filters">
      <div className="sc-presets" role="group" aria-label="Date range">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="sc-preset"
            aria-pressed={state.preset === preset.id}
            // Custom starts from the range on screen, so the two dates are a small edit away.
            onClick={() => onChange({ ...state, preset: preset.id, custom: preset.id === "custom" && state.preset !== "custom" ? range : state.custom })}
          >
            {preset.label}
          </button>
        ))}
      </div>
      {state.preset === "custom" ? (
        <div className="sc-custom-range">
          <Field id={`${id}-from`} label="From">
            <input id={`${id}-from`} type="date" value={state.custom.from} max={state.custom.to || undefined} onChange={(e) => onChange({ ...state, custom: { ...state.custom, from: e.target.value } })} />
          </Field>
          <Field id={`${id}-to`} label="To">
            <input id={`${id}-to`} type="date" value={state.custom.to} min={state.custom.from || undefined} onChange={(e) => onChange({ ...state, custom: { ...state.custom, to: e.target.value } })} />
          </Field>
        </div>
      ) : null}
      <div className="sc-filter-selects">
        <Field id={`${id}-event-type`} label="Event type">
          <select id={`${id}-event-type`} value={state.eventTypeId ?? ""} onChange={(e) => onChange({ ...state, eventTypeId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">All event types</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.title}
              </option>
            ))}
          </select>
        </Field>
        {teams.length ? (
          <Field id={`${id}-scope`} label="Sessions">
            <select
              id={`${id}-scope`}
              value={state.teamId ?? ""}
              // Event types belong to a scope: a new scope starts from all of its event types.
              onChange={(e) => onChange({ ...state, teamId: e.target.value ? Number(e.target.value) : null, eventTypeId: null })}
            >
              <option value="">My sessions</option>
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
    <div className="sc-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
