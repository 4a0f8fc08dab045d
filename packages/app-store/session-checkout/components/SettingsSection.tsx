"use client";

import { useEffect, useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { showToast } from "@calcom/ui/components/toast";

import { isAutoCheckoutDelay, isSurveyAlertThreshold, type SessionCheckoutSettings, type SurveyAlertThreshold } from "../lib/settings";
import { DELAY_OPTIONS } from "./delay-options";
import { errorMessage } from "./format";
import { useFormatInZone } from "./use-format-in-zone";
import type { SettingsSlotProps } from "./slot-props";
import { TemplatePreviews } from "./TemplatePreview";

type Draft = Pick<SessionCheckoutSettings, "autoCheckoutEnabled" | "autoCheckoutDelayMinutes" | "surveysEnabled" | "surveyAlertThreshold">;
const DRAFT_FIELDS: ReadonlyArray<keyof Draft> = ["autoCheckoutEnabled", "autoCheckoutDelayMinutes", "surveysEnabled", "surveyAlertThreshold"];

/** The form differs from what is saved (a switch turned on and off again is no change). */
const differs = (draft: Draft | null, saved: Draft | undefined) => draft !== null && saved !== undefined && DRAFT_FIELDS.some((field) => draft[field] !== saved[field]);

/**
 * While the form holds changes not saved, leaving the page asks first: closing or reloading the tab
 * (the browser's own question), and following a link in the page (the host's navigation).
 */
function useLeaveWarning(active: boolean, question: string) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when a value is set.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(target instanceof HTMLAnchorElement) || (target.target && target.target !== "_self") || target.hasAttribute("download")) return;
      const url = new URL(target.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search)) return;
      if (!window.confirm(question)) {
        // Stops the host's client-side navigation as well as the browser's.
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    // Capture: before the host's link handler sees the click.
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [active, question]);
}

const ALERT_OPTIONS: ReadonlyArray<{ value: SurveyAlertThreshold; labelKey: string }> = [
  { value: 0, labelKey: "session_checkout_alert_never" },
  { value: 1, labelKey: "session_checkout_alert_rated_1" },
  { value: 2, labelKey: "session_checkout_alert_rated_2_or_lower" },
  { value: 3, labelKey: "session_checkout_alert_rated_3_or_lower" },
  { value: 4, labelKey: "session_checkout_alert_rated_4_or_lower" },
  { value: 5, labelKey: "session_checkout_alert_every_answer" },
];

// A section of the form, its heading, and an on/off switch with its label beside it.
const SECTION = "mb-5";
const HEADING = "text-emphasis mb-2 mt-0 text-lg font-semibold";
const SWITCH_LABEL = "flex items-center gap-2 font-semibold";
const HINT = "text-subtle text-sm";

/** Settings > Calendar > General: the Auto-Checkout section and satisfaction surveys. */
export default function SettingsSection({ timeZone }: SettingsSlotProps) {
  const { t } = useAppLocale();
  const formatInZone = useFormatInZone();
  const utils = trpc.useUtils();
  const settings = trpc.viewer.appSessionCheckout.getSettings.useQuery();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = trpc.viewer.appSessionCheckout.updateSettings.useMutation({
    onSuccess: (saved) => {
      utils.viewer.appSessionCheckout.getSettings.setData(undefined, saved);
      setDraft(null);
      setError(null);
      showToast(t("session_checkout_settings_saved"), "success");
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  const unsaved = differs(draft, settings.data);
  useLeaveWarning(unsaved, t("session_checkout_unsaved_changes_leave"));

  if (settings.isLoading) return <p className={HINT}>{t("session_checkout_loading_settings")}</p>;
  if (!settings.data)
    return (
      <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
        {settings.error ? errorMessage(settings.error, t) : t("session_checkout_settings_unavailable")}
      </p>
    );
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
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(current);
      }}
    >
      <section aria-labelledby="sc-auto-checkout" className={SECTION}>
        <h2 id="sc-auto-checkout" className={HEADING}>
          {t("session_checkout_auto_checkout")}
        </h2>
        <label className={SWITCH_LABEL}>
          <input
            type="checkbox"
            role="switch"
            className="w-auto"
            checked={current.autoCheckoutEnabled}
            onChange={(e) => setDraft({ ...current, autoCheckoutEnabled: e.target.checked })}
          />
          {t("session_checkout_enable_auto_checkout")}
        </label>
        <p className={HINT}>{t("session_checkout_auto_checkout_description")}</p>
        <label htmlFor="sc-delay">{t("session_checkout_delay_label")}</label>
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
              {t(option.labelKey)} — {t(option.bestForKey)}
            </option>
          ))}
        </select>
        {selected ? <p className={HINT}>{t("session_checkout_delay_best_for", { hint: t(selected.bestForKey) })}</p> : null}
        <p className={HINT}>{t("session_checkout_no_show_before_delay")}</p>
        {saved.autoCheckoutEnabled && saved.autoCheckoutEnabledAt ? (
          <p className={HINT}>{t("session_checkout_auto_checkout_on_since", { date: formatInZone(saved.autoCheckoutEnabledAt, timeZone) })}</p>
        ) : null}
      </section>
      <section aria-labelledby="sc-surveys" className={SECTION}>
        <h2 id="sc-surveys" className={HEADING}>
          {t("session_checkout_satisfaction_surveys")}
        </h2>
        <label className={SWITCH_LABEL}>
          <input type="checkbox" role="switch" className="w-auto" checked={current.surveysEnabled} onChange={(e) => setDraft({ ...current, surveysEnabled: e.target.checked })} />
          {t("session_checkout_send_satisfaction_surveys")}
        </label>
        <p className={HINT}>{t("session_checkout_surveys_description")}</p>
        <label htmlFor="sc-alert-threshold">{t("session_checkout_alert_threshold_label")}</label>
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
              {t(option.labelKey)}
            </option>
          ))}
        </select>
        <p className={HINT}>{t("session_checkout_alert_description")}</p>
        <TemplatePreviews />
      </section>
      {error ? (
        <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" loading={save.isPending} disabled={!unsaved}>
          {t("session_checkout_save")}
        </Button>
        {/* Always there, so screen readers hear it appear. */}
        <span role="status" className="text-subtle text-sm">
          {unsaved ? t("session_checkout_unsaved_changes") : null}
        </span>
      </div>
    </form>
  );
}
