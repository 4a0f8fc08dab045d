import type { AutoCheckoutDelayMinutes } from "../lib/settings";

/** The delays, with the product page's "best for" hints. */
export const DELAY_OPTIONS: Array<{ minutes: AutoCheckoutDelayMinutes; label: string; bestFor: string }> = [
  { minutes: 30, label: "30 minutes", bestFor: "Quick appointments where you know outcomes immediately" },
  { minutes: 60, label: "1 hour", bestFor: "Standard sessions - gives time to mark no-shows first" },
  { minutes: 120, label: "2 hours", bestFor: "Standard sessions - gives time to mark no-shows first" },
  { minutes: 240, label: "4 hours", bestFor: "End-of-day batch processing" },
  { minutes: 480, label: "8 hours", bestFor: "End-of-day batch processing" },
  { minutes: 1440, label: "24 hours", bestFor: "Maximum flexibility to review before checkout" },
];
