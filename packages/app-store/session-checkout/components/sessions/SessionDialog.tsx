import type { ReactNode } from "react";

import { useAppLocale } from "../use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Dialog, DialogContent, DialogFooter } from "@calcom/ui/components/dialog";

import type { SessionRow } from "../../lib/services/session-rows";
import BookingDialogActions from "../BookingDialogActions";
import { useFormatInZone } from "../use-format-in-zone";
import { formatPrice } from "../money";
import { SessionStatusBadge } from "../SessionStatusBadge";

/** A session as a list has it: the Sessions page's rows (with their host), a client's history's. */
type ListedSession = SessionRow & { hostName?: string | null };

/**
 * A session opened from a list (the Sessions page, a client's history): what the list knows of it,
 * then the app's own part of the booking dialog (Check Out, no-shows, notes, History), as the
 * calendar's dialog shows it.
 */
export function SessionDialog({ row, timeZone, onClose, onSessionChanged }: { row: ListedSession; timeZone: string; onClose: () => void; onSessionChanged: () => void }) {
  const { t } = useAppLocale();
  const formatInZone = useFormatInZone();
  // The status as it is now (the panel below asks the same, one request for both), not as the list had it.
  const session = trpc.viewer.appSessionCheckout.getSession.useQuery({ bookingId: row.bookingId });
  const facts: Array<[string, ReactNode]> = [
    [t("session_checkout_status"), <SessionStatusBadge key="status" status={session.data?.status ?? row.status} />],
    [t("session_checkout_client"), row.attendeeNames.join(", ")],
    ...(row.hostName ? [[t("session_checkout_host"), row.hostName] as [string, ReactNode]] : []),
    [t("session_checkout_event_type"), row.eventTypeTitle ?? "—"],
    [t("session_checkout_price"), formatPrice(row.price, row.currency, t)],
  ];
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={row.title} description={`${formatInZone(row.startTime, timeZone)} (${timeZone})`} size="lg">
        <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-subtle">{term}</dt>
              <dd className="text-emphasis m-0">{value}</dd>
            </div>
          ))}
        </dl>
        <BookingDialogActions bookingId={row.bookingId} timeZone={timeZone} onSessionChanged={onSessionChanged} />
        <DialogFooter>
          {/* Cal.com's booking page: the session in the calendar, to reschedule it from there. */}
          <a className="text-emphasis text-sm font-medium underline underline-offset-2" href={`/booking/${encodeURIComponent(row.uid)}`}>
            {t("session_checkout_open_in_calendar")}
          </a>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
