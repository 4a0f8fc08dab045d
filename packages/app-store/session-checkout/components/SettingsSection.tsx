"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { showToast } from "@calcom/ui/components/toast";

import { isAutoCheckoutDelay, isSurveyAlertThreshold, type SessionCheckoutSettings, type SurveyAlertThreshold } from "../lib/settings";
import { DELAY_OPTIONS } from "./delay-options";
import { errorMessage, formatInZone } from "./format";
import type { SettingsSlotProps } from "./slot-props";
import { TemplatePreviews } from "./TemplatePreview";

type Draft = Pick<SessionCheckoutSettings, "autoCheckoutEnabled" | "autoCheckoutDelayMinutes" | "surveysEnabled" | "surveyAlertThreshold">;

const ALERT_OPTIONS: ReadonlyArray<{ value: SurveyAlertThreshold; label: string }> = [
  { value: 0, label: "Never" },
  { value: 1, label: "Rated 1" },
  { value: 2, label: "Rated 2 or lower" },
  { value: 3, label: "Rated 3 or lower" },
  { value: 4, label: "Rated 4 or lower" },
  { value: 5, label: "Every answer" },
];

/** Settings > Calendar > General: the Auto-Checkout section and satisfaction surveys. */
export default function SettingsSection({ timeZone }: SettingsSlotProps) {
  const utils = trpc.useUtils();
  const settings = trpc.viewer.appSessionCheckout.getSettings.useQuery();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = trpc.viewer.appSessionCheckout.updateSettings.useMutation({
    onSuccess: (saved) => {
      utils.viewer.appSessionCheckout.getSettings.setData(undefined, saved);
      setDraft(null);
      setError(null);
      showToast("Settings saved.", "success");
    },
    onError: (e) => setError(errorMessage(e)),
  });

  if (settings.isLoading) return <p className="sc-muted">Loading settings…</p>;
  if (!settings.data) return <p role="alert" className="sc-error">{settings.error ? errorMessage(settings.error) : "Settings are not available."}</p>;
  const saved = settings.data;
  const current: Draft = draft ?? {
    autoCheckoutEnabled: saved.autoCheckoutEnabled,
    autoCheckoutDelayMinutes: saved.autoCheckoutDelayMinutes,
    surveysEnabled: saved.surveysEnabled,
    surveyAlertThreshold: saved.surveyAlertThreshold,
  };
  const selected = DELAY_OPTIONS.find((option) => option.minutes === current.autoCheckoutDelayMinutes);

  return (
    <form
      className="sc-settings"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(current);
      }}
    >
      <section aria-labelledby="sc-auto-checkout">
        <h2 id="sc-auto-checkout">Auto-Checkout</h2>
        <label className="sc-check">
          <input type="checkbox" role="switch" checked={current.autoCheckoutEnabled} onChange={(e) => setDraft({ ...current, autoCheckoutEnabled: e.target.checked })} />
          Enable Auto-Checkout
        </label>
        <p className="sc-muted">Confirmed sessions are checked out automatically a while after they end. Pending, cancelled and no-show sessions are never touched.</p>
        <label htmlFor="sc-delay">Check out after the session ends</label>
        <select
          id="sc-delay"
          value={current.autoCheckoutDelayMinutes}
          disabled={!current.autoCheckoutEnabled}
          onChange={(e) => {
            const minutes = Number(e.target.value);
            if (isAutoCheckoutDelay(minutes)) setDraft({ ...current, autoCheckoutDelayMinutes: minutes });
          }}
        >
          {DELAY_OPTIONS.map((option) => (
            <option key={option.minutes} value={option.minutes}>
              {option.label} — {option.bestFor}
            </option>
          ))}
        </select>
        {selected ? <p className="sc-muted">Best for: {selected.bestFor}.</p> : null}
        <p className="sc-muted">If a client doesn&apos;t show up, mark the session as No Show before the delay expires; otherwise it is checked out as Completed.</p>
        {saved.autoCheckoutEnabled && saved.autoCheckoutEnabledAt ? (
          <p className="sc-muted">On since {formatInZone(saved.autoCheckoutEnabledAt, timeZone)}; sessions that were already due then are left for you.</p>
        ) : null}
      </section>
      <section aria-labelledby="sc-surveys">
        <h2 id="sc-surveys">Satisfaction surveys</h2>
        <label className="sc-check">
          <input type="checkbox" role="switch" checked={current.surveysEnabled} onChange={(e) => setDraft({ ...current, surveysEnabled: e.target.checked })} />
          Send satisfaction surveys
        </label>
        <p className="sc-muted">Each attendee who came gets one email with a 1–5 rating after the session is checked out.</p>
        <label htmlFor="sc-alert-threshold">Email me when a client rates a session</label>
        <select
          id="sc-alert-threshold"
          value={current.surveyAlertThreshold}
          onChange={(e) => {
            const threshold = Number(e.target.value);
            if (isSurveyAlertThreshold(threshold)) setDraft({ ...current, surveyAlertThreshold: threshold });
          }}
        >
          {ALERT_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <p className="sc-muted">The alert carries the rating, the client&apos;s comment and a link to the booking.</p>
        <TemplatePreviews />
      </section>
      {error ? (
        <p role="alert" className="sc-error">
          {error}
        </p>
      ) : null}
      <Button type="submit" loading={save.isPending} disabled={draft === null}>
        Save
      </Button>
    </form>
  );
}
