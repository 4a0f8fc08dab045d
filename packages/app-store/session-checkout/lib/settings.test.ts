import { describe, expect, it } from "vitest";

import {
  applySettingsPatch,
  AUTO_CHECKOUT_DELAY_MINUTES,
  DEFAULT_SETTINGS,
  isAutoCheckoutDelay,
  needsLowRatingAlert,
  type SessionCheckoutSettings,
  type SettingsPatch,
} from "./settings";

const EARLIER = new Date("2025-05-01T08:00:00.000Z");
const NOW = new Date("2025-06-02T12:00:00.000Z");
const LATER = new Date("2025-06-03T09:30:00.000Z");

const OFF: SessionCheckoutSettings = { ...DEFAULT_SETTINGS };
const ON_SINCE_EARLIER: SessionCheckoutSettings = {
  autoCheckoutEnabled: true,
  autoCheckoutDelayMinutes: 60,
  autoCheckoutEnabledAt: EARLIER,
  autoCheckoutEndedAfter: new Date(EARLIER.getTime() - 60 * 60_000),
  surveysEnabled: false,
  surveyAlertThreshold: 2,
};
/** The no-back-fill line when switched on at `at` with `delay` minutes: sessions due after `at`. */
const lineFor = (at: Date, delay: number) => new Date(at.getTime() - delay * 60_000);
const OFF_AFTER_EARLIER: SessionCheckoutSettings = { ...ON_SINCE_EARLIER, autoCheckoutEnabled: false };

describe("auto-checkout delays", () => {
  it("offers exactly 30 min, 1 h, 2 h, 4 h, 8 h and 24 h", () => {
    expect(AUTO_CHECKOUT_DELAY_MINUTES).toEqual([30, 60, 120, 240, 480, 1440]);
  });

  it.each([30, 60, 120, 240, 480, 1440])("accepts %i minutes", (minutes) => {
    expect(isAutoCheckoutDelay(minutes)).toBe(true);
  });

  it.each([0, -30, 15, 29, 31, 45, 90, 119, 121, 180, 360, 720, 1439, 1441, 2880, 120.5, Number.NaN])("refuses %d minutes", (minutes) => {
    expect(isAutoCheckoutDelay(minutes)).toBe(false);
  });
});

describe("DEFAULT_SETTINGS", () => {
  it("is auto-checkout off, a 120-minute delay, never switched on, surveys off, alerts at 2 or lower", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      autoCheckoutEnabled: false,
      autoCheckoutDelayMinutes: 120,
      autoCheckoutEnabledAt: null,
      autoCheckoutEndedAfter: null,
      surveysEnabled: false,
      surveyAlertThreshold: 2,
    });
  });

  it("uses an offered delay", () => {
    expect(isAutoCheckoutDelay(DEFAULT_SETTINGS.autoCheckoutDelayMinutes)).toBe(true);
  });
});

describe("applySettingsPatch", () => {
  it.each<{ name: string; current: SessionCheckoutSettings; patch: SettingsPatch; expected: SessionCheckoutSettings }>([
    {
      name: "switching auto-checkout on for the first time sets enabledAt to now",
      current: OFF,
      patch: { autoCheckoutEnabled: true },
      expected: { ...OFF, autoCheckoutEnabled: true, autoCheckoutEnabledAt: NOW, autoCheckoutEndedAfter: lineFor(NOW, 120) },
    },
    {
      name: "switching on again after off moves enabledAt to now",
      current: OFF_AFTER_EARLIER,
      patch: { autoCheckoutEnabled: true },
      expected: { ...OFF_AFTER_EARLIER, autoCheckoutEnabled: true, autoCheckoutEnabledAt: NOW, autoCheckoutEndedAfter: lineFor(NOW, 60) },
    },
    {
      name: "switching on together with a delay and surveys applies all and sets enabledAt to now",
      current: OFF,
      patch: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 1440, surveysEnabled: true, surveyAlertThreshold: 3 },
      expected: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 1440, autoCheckoutEnabledAt: NOW, autoCheckoutEndedAfter: lineFor(NOW, 1440), surveysEnabled: true, surveyAlertThreshold: 3 },
    },
    {
      name: "saying on again while on keeps enabledAt",
      current: ON_SINCE_EARLIER,
      patch: { autoCheckoutEnabled: true },
      expected: ON_SINCE_EARLIER,
    },
    {
      name: "changing the delay while on keeps enabledAt and the no-back-fill line",
      current: ON_SINCE_EARLIER,
      patch: { autoCheckoutDelayMinutes: 480 },
      expected: { ...ON_SINCE_EARLIER, autoCheckoutDelayMinutes: 480 },
    },
    {
      name: "switching surveys on while on keeps enabledAt",
      current: ON_SINCE_EARLIER,
      patch: { surveysEnabled: true },
      expected: { ...ON_SINCE_EARLIER, surveysEnabled: true },
    },
    {
      name: "changing delay and surveys while on keeps enabledAt",
      current: ON_SINCE_EARLIER,
      patch: { autoCheckoutDelayMinutes: 30, surveysEnabled: true, autoCheckoutEnabled: true },
      expected: { ...ON_SINCE_EARLIER, autoCheckoutDelayMinutes: 30, surveysEnabled: true },
    },
    {
      name: "changing the delay while off does not switch on or set enabledAt",
      current: OFF,
      patch: { autoCheckoutDelayMinutes: 240 },
      expected: { ...OFF, autoCheckoutDelayMinutes: 240 },
    },
    {
      name: "switching surveys on while off does not switch auto-checkout on",
      current: OFF_AFTER_EARLIER,
      patch: { surveysEnabled: true },
      expected: { ...OFF_AFTER_EARLIER, surveysEnabled: true },
    },
    {
      name: "switching auto-checkout off does not set enabledAt to now",
      current: ON_SINCE_EARLIER,
      patch: { autoCheckoutEnabled: false },
      expected: { ...ON_SINCE_EARLIER, autoCheckoutEnabled: false },
    },
    {
      name: "an empty patch changes nothing (on)",
      current: ON_SINCE_EARLIER,
      patch: {},
      expected: ON_SINCE_EARLIER,
    },
    {
      name: "an empty patch changes nothing (off)",
      current: OFF_AFTER_EARLIER,
      patch: {},
      expected: OFF_AFTER_EARLIER,
    },
    {
      name: "undefined fields change nothing (on)",
      current: { ...ON_SINCE_EARLIER, surveysEnabled: true },
      patch: { autoCheckoutEnabled: undefined, autoCheckoutDelayMinutes: undefined, surveysEnabled: undefined },
      expected: { ...ON_SINCE_EARLIER, surveysEnabled: true },
    },
    {
      name: "undefined fields change nothing (off)",
      current: OFF_AFTER_EARLIER,
      patch: { autoCheckoutEnabled: undefined, autoCheckoutDelayMinutes: undefined, surveysEnabled: undefined },
      expected: OFF_AFTER_EARLIER,
    },
    {
      name: "an undefined field beside a defined one: only the defined one changes",
      current: ON_SINCE_EARLIER,
      patch: { autoCheckoutEnabled: undefined, autoCheckoutDelayMinutes: 120, surveysEnabled: undefined },
      expected: { ...ON_SINCE_EARLIER, autoCheckoutDelayMinutes: 120 },
    },
  ])("$name", ({ current, patch, expected }) => {
    expect(applySettingsPatch(current, patch, NOW)).toEqual(expected);
  });

  it("on, off, on again: enabledAt follows the last switch-on", () => {
    const on = applySettingsPatch(OFF, { autoCheckoutEnabled: true }, EARLIER);
    expect(on.autoCheckoutEnabledAt).toEqual(EARLIER);
    const delayChanged = applySettingsPatch(on, { autoCheckoutDelayMinutes: 30 }, NOW);
    expect(delayChanged.autoCheckoutEnabledAt).toEqual(EARLIER);
    const off = applySettingsPatch(delayChanged, { autoCheckoutEnabled: false }, NOW);
    expect(off.autoCheckoutEnabled).toBe(false);
    const onAgain = applySettingsPatch(off, { autoCheckoutEnabled: true }, LATER);
    expect(delayChanged.autoCheckoutEndedAfter).toEqual(lineFor(EARLIER, 120));
    expect(onAgain).toEqual({ autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 30, autoCheckoutEnabledAt: LATER, autoCheckoutEndedAfter: lineFor(LATER, 30), surveysEnabled: false, surveyAlertThreshold: 2 });
  });

  it("does not change the settings it was given", () => {
    const current = Object.freeze({ ...OFF_AFTER_EARLIER });
    const before = { ...current };
    applySettingsPatch(current, { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 30, surveysEnabled: true }, NOW);
    expect(current).toEqual(before);
  });
});

describe("the low-rating alert", () => {
  it.each([
    { rating: 1, threshold: 2, alert: true },
    { rating: 2, threshold: 2, alert: true },
    { rating: 3, threshold: 2, alert: false },
    { rating: 5, threshold: 5, alert: true },
    { rating: 1, threshold: 0, alert: false },
  ])("rating $rating with threshold $threshold: alert $alert", ({ rating, threshold, alert }) => {
    expect(needsLowRatingAlert(rating, threshold)).toBe(alert);
  });
});
