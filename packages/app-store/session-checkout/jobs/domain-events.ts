import type { SessionAction } from "../lib/transitions";
import { SESSION_CHECKED_OUT, SESSION_CHECKOUT_UNDONE, SESSION_NO_SHOW_MARKED, SETTINGS_CHANGED, SURVEY_ANSWERED, SURVEY_RESEND_REQUESTED, type AppEvent, type SurveyAnsweredData } from "./events";

const EVENT_OF: Partial<Record<SessionAction, typeof SESSION_CHECKED_OUT | typeof SESSION_CHECKOUT_UNDONE | typeof SESSION_NO_SHOW_MARKED>> = {
  checkout: SESSION_CHECKED_OUT,
  undoCheckout: SESSION_CHECKOUT_UNDONE,
  markNoShow: SESSION_NO_SHOW_MARKED,
};

/** The events that follow committed session changes (clearing a no-show has none). */
export function sessionChangedEvents(
  action: SessionAction,
  changes: ReadonlyArray<{ bookingId: number; hostUserId: number | null; at: Date; method?: string; surveysQueued?: number }>,
): AppEvent[] {
  const name = EVENT_OF[action];
  if (!name) return [];
  return changes.map((change) => ({
    name,
    // One event per change: the same booking checked out twice (after an undo) is two events.
    id: `${name}:${change.bookingId}:${change.at.getTime()}`,
    data: {
      bookingId: change.bookingId,
      hostUserId: change.hostUserId,
      at: change.at.toISOString(),
      ...(action === "checkout" ? { method: change.method ?? "MANUAL", surveysQueued: change.surveysQueued ?? 0 } : {}),
    },
  }));
}

export function settingsChangedEvent(hostUserId: number, at: Date): AppEvent {
  return { name: SETTINGS_CHANGED, id: `${SETTINGS_CHANGED}:${hostUserId}:${at.getTime()}`, data: { hostUserId, at: at.toISOString() } };
}

/** After a host's resend commits; one per resend (survey and time), so a repeated send is a no-op. */
export function surveyResendRequestedEvent({ bookingId, hostUserId, surveyId, at }: { bookingId: number; hostUserId: number; surveyId: number; at: Date }): AppEvent {
  return { name: SURVEY_RESEND_REQUESTED, id: `${SURVEY_RESEND_REQUESTED}:${surveyId}:${at.getTime()}`, data: { bookingId, hostUserId } };
}

/** After a client's answer commits; one per survey (a survey is answered once). */
export function surveyAnsweredEvent(surveyId: number, data: SurveyAnsweredData): AppEvent {
  return { name: SURVEY_ANSWERED, id: `${SURVEY_ANSWERED}:${surveyId}`, data };
}
