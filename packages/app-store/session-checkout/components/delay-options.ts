import type { AutoCheckoutDelayMinutes } from "../lib/settings";

/** The delays, with the product page's "best for" hints, as translation keys. */
export const DELAY_OPTIONS: Array<{ minutes: AutoCheckoutDelayMinutes; labelKey: string; bestForKey: string }> = [
  { minutes: 30, labelKey: "session_checkout_delay_30_minutes", bestForKey: "session_checkout_delay_best_for_quick" },
  { minutes: 60, labelKey: "session_checkout_delay_1_hour", bestForKey: "session_checkout_delay_best_for_standard" },
  { minutes: 120, labelKey: "session_checkout_delay_2_hours", bestForKey: "session_checkout_delay_best_for_standard" },
  { minutes: 240, labelKey: "session_checkout_delay_4_hours", bestForKey: "session_checkout_delay_best_for_end_of_day" },
  { minutes: 480, labelKey: "session_checkout_delay_8_hours", bestForKey: "session_checkout_delay_best_for_end_of_day" },
  { minutes: 1440, labelKey: "session_checkout_delay_24_hours", bestForKey: "session_checkout_delay_best_for_review" },
];
