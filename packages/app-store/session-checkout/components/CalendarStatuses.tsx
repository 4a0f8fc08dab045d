"use client";

import { useEffect } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";

import { SESSION_STATUSES, SESSION_STATUS_TONES, type SessionStatus } from "../lib/status";
import type { CalendarStatusesProps } from "./calendar-statuses-props";
import { errorMessage } from "./format";
import { SESSION_STATUS_LABEL_KEYS } from "./SessionStatusBadge";

/** The CSS-safe key of a status, the same in the legend and on each event ("NO_SHOW" → "no-show"). */
const statusKey = (status: SessionStatus) => status.toLowerCase().replace("_", "-");

/**
 * The calendar's status provider: each booking on screen as the app sees it (Completed, No Show, …)
 * and whether it may move (a Completed session is locked in place). Renders nothing; reports to the host.
 */
export default function CalendarStatuses({ bookingIds, refreshKey, onStatuses, onError, onLegend }: CalendarStatusesProps) {
  const { t } = useAppLocale();
  // How the calendar draws a status: the same in the legend and on each event.
  const display = (status: SessionStatus) => ({ key: statusKey(status), label: t(SESSION_STATUS_LABEL_KEYS[status]), tone: SESSION_STATUS_TONES[status] });

  // Every status the app can show, so the host's legend lists them before one is on screen.
  useEffect(() => {
    if (onLegend) onLegend(SESSION_STATUSES.map(display));
    // `display` is made from `t` on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [onLegend, t]);
  const statuses = trpc.viewer.appSessionCheckout.sessionStatuses.useQuery({ bookingIds }, { enabled: bookingIds.length > 0 });
  const { refetch } = statuses;

  // The host refreshed its bookings: a session may have changed with them.
  useEffect(() => {
    if (refreshKey > 0) void refetch();
  }, [refreshKey, refetch]);

  useEffect(() => {
    if (bookingIds.length === 0) onStatuses([]);
    else if (statuses.data)
      onStatuses(statuses.data.map((s) => ({ bookingId: s.bookingId, ...display(s.status), rescheduleLocked: s.rescheduleLocked, ...(s.rescheduleLocked ? { rescheduleLockedReason: t("session_checkout_reschedule_locked") } : {}) })));
    else if (statuses.error) onError(errorMessage(statuses.error, t));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bookingIds.length, statuses.data, statuses.error, onStatuses, onError, t]);

  return null;
}
