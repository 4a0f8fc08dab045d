import { SESSION_CHECKED_OUT, SESSION_CHECKOUT_UNDONE, SESSION_NO_SHOW_MARKED, SETTINGS_CHANGED, type AppEvent, type SessionDueData } from "./events";

/*
 * Which of the app's events cancel a sleeping per-session run: one table, read twice — as Inngest's
 * `cancelOn` expressions (functions.ts) and as the embedded runner's predicate.
 */
const RUN_CANCELLATIONS = [
  // A checkout by hand or in bulk; not an auto-checkout, which the run itself sends mid-run.
  { event: SESSION_CHECKED_OUT, match: "bookingId", exceptAuto: true },
  { event: SESSION_CHECKOUT_UNDONE, match: "bookingId", exceptAuto: false },
  { event: SESSION_NO_SHOW_MARKED, match: "bookingId", exceptAuto: false },
  // Auto-checkout switched on or off, or another delay: the scheduler plans the host's sessions anew.
  { event: SETTINGS_CHANGED, match: "hostUserId", exceptAuto: false },
] as const;

/** Inngest's form: `async` is the cancelling event, `event` the run's trigger. */
export const cancelOn = RUN_CANCELLATIONS.map(({ event, match, exceptAuto }) => ({
  event,
  if: `async.data.${match} == event.data.${match}${exceptAuto ? ' && async.data.method != "AUTO"' : ""}`,
}));

/** The embedded runner's form. */
export function cancelsRun(event: AppEvent, run: SessionDueData): boolean {
  return RUN_CANCELLATIONS.some((rule) => {
    if (rule.event !== event.name) return false;
    const data: { bookingId?: number; hostUserId?: number | null; method?: string } = event.data;
    if (rule.exceptAuto && data.method === "AUTO") return false;
    return data[rule.match] === run[rule.match];
  });
}
