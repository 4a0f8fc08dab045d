import { Badge } from "@calcom/ui/components/badge";

import { SESSION_STATUS_LABELS, SESSION_STATUS_TONES, type SessionStatus } from "../lib/status";

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return <Badge variant={SESSION_STATUS_TONES[status]}>{SESSION_STATUS_LABELS[status]}</Badge>;
}
