/*
 * The app's events: what the scheduler sends to the per-session function, and the domain events
 * sent after a change commits (surveys and webhooks follow them; they also cancel sleeping runs).
 * Payloads are JSON: ids are numbers, instants ISO strings.
 */

export const SESSION_DUE = "session-checkout/session.due";
export const SESSION_CHECKED_OUT = "session-checkout/session.checked-out";
export const SESSION_CHECKOUT_UNDONE = "session-checkout/session.checkout-undone";
export const SESSION_NO_SHOW_MARKED = "session-checkout/session.no-show-marked";
export const SETTINGS_CHANGED = "session-checkout/settings.changed";
/** A host asked for a failed survey to be sent again: delivery runs at once rather than at the next minute. */
export const SURVEY_RESEND_REQUESTED = "session-checkout/survey.resend-requested";
/** A client's answer queued the host's low-rating alert: delivery sends it at once. */
export const SURVEY_ANSWERED = "session-checkout/survey.answered";

/** The events after which survey delivery runs at once (besides its every-minute run), on Inngest and in the embedded runner. */
export const DELIVERY_TRIGGERS = [SESSION_CHECKED_OUT, SURVEY_RESEND_REQUESTED, SURVEY_ANSWERED] as const;

export interface SessionDueData {
  bookingId: number;
  hostUserId: number;
  /** ISO instant: end + delay when the scheduler saw it. */
  dueAt: string;
  /**
   * `<bookingId>@<dueAt>@<switched on>`: the run's idempotency key. A rescheduled or re-delayed
   * session has a new due time, so a new run; switching auto-checkout off and on again gives a new
   * switch-on moment, so the runs it cancelled are planned anew rather than taken for repeats.
   */
  key: string;
}

export interface SessionChangedData {
  bookingId: number;
  hostUserId: number | null;
  /** ISO instant of the change. */
  at: string;
  /** Checkouts: MANUAL, AUTO or BULK. */
  method?: string;
  surveysQueued?: number;
}

export interface SettingsChangedData {
  hostUserId: number;
  at: string;
}

export interface SurveyResendRequestedData {
  bookingId: number;
  hostUserId: number;
}

export interface SurveyAnsweredData {
  bookingId: number;
  hostUserId: number | null;
  rating: number;
  /** Whether the answer queued the host's low-rating alert. */
  lowRatingAlert: boolean;
}

export type AppEvent =
  | { name: typeof SESSION_DUE; id: string; data: SessionDueData }
  | { name: typeof SESSION_CHECKED_OUT | typeof SESSION_CHECKOUT_UNDONE | typeof SESSION_NO_SHOW_MARKED; id?: string; data: SessionChangedData }
  | { name: typeof SETTINGS_CHANGED; id?: string; data: SettingsChangedData }
  | { name: typeof SURVEY_RESEND_REQUESTED; id?: string; data: SurveyResendRequestedData }
  | { name: typeof SURVEY_ANSWERED; id?: string; data: SurveyAnsweredData };

/** The scheduler's event for one session and due time; its id makes a repeated send a no-op. */
export function sessionDueEvent(session: { bookingId: number; hostUserId: number; dueAt: Date; enabledAt: Date | null }): AppEvent {
  const dueAt = session.dueAt.toISOString();
  const key = `${session.bookingId}@${dueAt}@${session.enabledAt?.getTime() ?? 0}`;
  return { name: SESSION_DUE, id: `${SESSION_DUE}:${key}`, data: { bookingId: session.bookingId, hostUserId: session.hostUserId, dueAt, key } };
}
