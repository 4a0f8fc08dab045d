/** Auto-checkout delays the product offers, in minutes (30 min … 24 h). */
export const AUTO_CHECKOUT_DELAY_MINUTES = [30, 60, 120, 240, 480, 1440] as const;
export type AutoCheckoutDelayMinutes = (typeof AUTO_CHECKOUT_DELAY_MINUTES)[number];

export interface SessionCheckoutSettings {
  autoCheckoutEnabled: boolean;
  autoCheckoutDelayMinutes: AutoCheckoutDelayMinutes;
  /** When auto-checkout was last switched on. */
  autoCheckoutEnabledAt: Date | null;
  /**
   * The no-back-fill line: only sessions ending after it are auto-checked out. Switching on sets it
   * to that moment minus the delay then in force ("due after switching on"); changing the delay
   * later leaves it where it is, so a shorter delay never drops sessions that were waiting.
   */
  autoCheckoutEndedAfter: Date | null;
  surveysEnabled: boolean;
  /** A survey answer rated at or below this emails the host; 0 = never. */
  surveyAlertThreshold: SurveyAlertThreshold;
}

/** Low-rating alert thresholds the host can choose: 0 (off) to 5 (every answer). */
export const SURVEY_ALERT_THRESHOLDS = [0, 1, 2, 3, 4, 5] as const;
export type SurveyAlertThreshold = (typeof SURVEY_ALERT_THRESHOLDS)[number];

export function isSurveyAlertThreshold(value: number): value is SurveyAlertThreshold {
  return (SURVEY_ALERT_THRESHOLDS as ReadonlyArray<number>).includes(value);
}

/** Whether an answer's rating calls for the host's low-rating alert. */
export function needsLowRatingAlert(rating: number, threshold: number): boolean {
  return threshold > 0 && rating <= threshold;
}

export type SettingsPatch = Partial<Pick<SessionCheckoutSettings, "autoCheckoutEnabled" | "autoCheckoutDelayMinutes" | "surveysEnabled" | "surveyAlertThreshold">>;

export const DEFAULT_SETTINGS: SessionCheckoutSettings = {
  autoCheckoutEnabled: false,
  autoCheckoutDelayMinutes: 120,
  autoCheckoutEnabledAt: null,
  autoCheckoutEndedAfter: null,
  surveysEnabled: false,
  surveyAlertThreshold: 2,
};

export function isAutoCheckoutDelay(minutes: number): minutes is AutoCheckoutDelayMinutes {
  return (AUTO_CHECKOUT_DELAY_MINUTES as ReadonlyArray<number>).includes(minutes);
}

/** Applies a host's change; switching auto-checkout on (again) moves the no-back-fill line to now. */
export function applySettingsPatch(current: SessionCheckoutSettings, patch: SettingsPatch, now: Date): SessionCheckoutSettings {
  const next = { ...current, ...definedOnly(patch) };
  const switchedOn = next.autoCheckoutEnabled && !current.autoCheckoutEnabled;
  if (!switchedOn) return next;
  return { ...next, autoCheckoutEnabledAt: now, autoCheckoutEndedAfter: new Date(now.getTime() - next.autoCheckoutDelayMinutes * 60_000) };
}

function definedOnly(patch: SettingsPatch): SettingsPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as SettingsPatch;
}

/** Whether a change moves auto-checkout's due times: switched on or off, another delay, a new line. */
export function changesSchedule(before: SessionCheckoutSettings, after: SessionCheckoutSettings): boolean {
  return (
    before.autoCheckoutEnabled !== after.autoCheckoutEnabled ||
    before.autoCheckoutDelayMinutes !== after.autoCheckoutDelayMinutes ||
    before.autoCheckoutEndedAfter?.getTime() !== after.autoCheckoutEndedAfter?.getTime()
  );
}
