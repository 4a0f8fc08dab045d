import { normalizeEmail } from "./transitions";

/*
 * Whether a queued survey may still go to its client: asked by delivery at send time (a survey
 * that may not is withdrawn) and by the host's Resend (which refuses with the reason). One rule.
 */

export const SURVEY_WITHHELD_REASONS = ["checkout-undone", "not-an-attendee", "marked-absent", "surveys-off", "unsubscribed"] as const;
export type SurveyWithheldReason = (typeof SURVEY_WITHHELD_REASONS)[number];

export function isSurveyWithheldReason(value: string): value is SurveyWithheldReason {
  return (SURVEY_WITHHELD_REASONS as ReadonlyArray<string>).includes(value);
}

export function surveyWithheldBecause({
  checkoutState,
  attendees,
  attendeeEmail,
  surveysEnabled,
  optedOut,
}: {
  checkoutState: string | null | undefined;
  attendees: ReadonlyArray<{ email: string; noShow: boolean | null }>;
  /** Lower-cased, as the survey row holds it. */
  attendeeEmail: string;
  surveysEnabled: boolean;
  optedOut: boolean;
}): SurveyWithheldReason | null {
  if (checkoutState !== "ACTIVE") return "checkout-undone";
  // Several attendee rows may share an address: any of them marked absent withholds the survey.
  const rows = attendees.filter((a) => normalizeEmail(a.email) === attendeeEmail);
  if (rows.length === 0) return "not-an-attendee";
  if (rows.some((a) => a.noShow === true)) return "marked-absent";
  if (!surveysEnabled) return "surveys-off";
  if (optedOut) return "unsubscribed";
  return null;
}
