"use client";

import { useEffect } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";

import type { CalendarStatusesProps } from "./calendar-statuses-props";
import { errorMessage } from "./format";
import { SESSION_STATUS_LABEL_KEYS } from "./SessionStatusBadge";

/**
 * The calendar's status provider: each booking on screen as the app sees it (Completed, No Show, …)
 * and whether it may move (a Completed session is locked in place). Renders nothing; reports to the host.
 */
export default function CalendarStatuses({ bookingIds, refreshKey, onStatuses, onError }: CalendarStatusesProps) {
  const { t } = useAppLocale();
  const statuses = trpc.viewer.appSessionCheckout.sessionStatuses.useQuery({ bookingIds }, { enabled: bookingIds.length > 0 });
  const { refetch } = statuses;

  // The host refreshed its bookings: a session may have changed with them.
  useEffect(() => {
    if (refreshKey > 0) void refetch();
  }, [refreshKey, refetch]);

  useEffect(() => {
    if (bookingIds.length === 0) onStatuses([]);
    else if (statuses.data)
      onStatuses(statuses.data.map((s) => ({ bookingId: s.bookingId, key: s.status.toLowerCase().replace("_", "-"), label: t(SESSION_STATUS_LABEL_KEYS[s.status]), tone: s.tone, rescheduleLocked: s.rescheduleLocked, ...(s.rescheduleLocked ? { rescheduleLockedReason: t("session_checkout_reschedule_locked") } : {}) })));
    else if (statuses.error) onError(errorMessage(statuses.error, t));
  }, [bookingIds.length, statuses.data, statuses.error, onStatuses, onError, t]);

  return null;
}
