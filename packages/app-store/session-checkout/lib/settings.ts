/** Auto-checkout delays the product offers, in minutes (30 min … 24 h). */
export const AUTO_CHECKOUT_DELAY_MINUTES = [30, 60, 120, 240, 480, 1440] as const;
export type AutoCheckoutDelayMinutes = (typeof AUTO_CHECKOUT_DELAY_MINUTES)[number];

export interface SessionCheckoutSettings {
  autoCheckoutEnabled: boolean;
  autoCheckoutDelayMinutes: AutoCheckoutDelayMinutes;
  /** When auto-checkout was last switched on; sessions due before it are never touched. */
  autoCheckoutEnabledAt: Date | null;
  surveysEnabled: boolean;
}

export type SettingsPatch = Partial<Pick<SessionCheckoutSettings, "autoCheckoutEnabled" | "autoCheckoutDelayMinutes" | "surveysEnabled">>;

export const DEFAULT_SETTINGS: SessionCheckoutSettings = {
  autoCheckoutEnabled: false,
  autoCheckoutDelayMinutes: 120,
  autoCheckoutEnabledAt: null,
  surveysEnabled: false,
};

export function isAutoCheckoutDelay(minutes: number): minutes is AutoCheckoutDelayMinutes {
  return (AUTO_CHECKOUT_DELAY_MINUTES as ReadonlyArray<number>).includes(minutes);
}

/** Applies a host's change; switching auto-checkout on (again) moves the no-back-fill line to now. */
export function applySettingsPatch(current: SessionCheckoutSettings, patch: SettingsPatch, now: Date): SessionCheckoutSettings {
  const next = { ...current, ...definedOnly(patch) };
  const switchedOn = next.autoCheckoutEnabled && !current.autoCheckoutEnabled;
  return { ...next, autoCheckoutEnabledAt: switchedOn ? now : current.autoCheckoutEnabledAt };
}

function definedOnly(patch: SettingsPatch): SettingsPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as SettingsPatch;
}
