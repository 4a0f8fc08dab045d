import type { SessionAction } from "../lib/transitions";
import { SESSION_CHECKED_OUT, SESSION_CHECKOUT_UNDONE, SESSION_NO_SHOW_MARKED, SETTINGS_CHANGED, type AppEvent } from "./events";

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
