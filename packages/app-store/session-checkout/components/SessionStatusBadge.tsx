import { useAppLocale } from "./use-app-locale";
import { Badge } from "@calcom/ui/components/badge";

import { SESSION_STATUS_TONES, type SessionStatus } from "../lib/status";

/** Each status's label, as a translation key. */
export const SESSION_STATUS_LABEL_KEYS: Record<SessionStatus, string> = {
  PENDING: "session_checkout_status_pending",
  CANCELLED: "session_checkout_status_cancelled",
  NO_SHOW: "session_checkout_status_no_show",
  COMPLETED: "session_checkout_status_completed",
  CONFIRMED: "session_checkout_status_confirmed",
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useAppLocale();
  return <Badge variant={SESSION_STATUS_TONES[status]}>{t(SESSION_STATUS_LABEL_KEYS[status])}</Badge>;
}
