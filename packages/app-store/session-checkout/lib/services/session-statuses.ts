import type { PrismaClient } from "@calcom/prisma";

import { bookingsCallerMayActOn } from "../access";
import { SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from "../status";
import { sessionStatusOf } from "../transitions";

/**
 * Status and reschedule lock of many sessions at once, for the calendar. The lock is the one the
 * server's reschedule guard applies (an active checkout). Sessions the caller may not see are left out.
 */
export async function getSessionStatuses(db: PrismaClient, { callerId, bookingIds }: { callerId: number; bookingIds: number[] }) {
  const bookings = await db.booking.findMany({
    where: { id: { in: bookingIds } },
    select: {
      id: true,
      userId: true,
      status: true,
      startTime: true,
      eventType: { select: { teamId: true } },
      attendees: { select: { email: true, name: true, noShow: true } },
      sessionCheckout: { select: { state: true } },
    },
  });
  const owned = bookings.map((booking) => ({ ...booking, teamId: booking.eventType?.teamId ?? null }));
  const visible = (await bookingsCallerMayActOn(db, callerId, owned)).map((booking) => {
    const status = sessionStatusOf({
      bookingStatus: booking.status,
      startTime: booking.startTime,
      checkoutState: booking.sessionCheckout?.state ?? null,
      attendees: booking.attendees.map((a) => ({ ...a, noShow: a.noShow === true })),
    });
    return { bookingId: booking.id, status, statusLabel: SESSION_STATUS_LABELS[status], tone: SESSION_STATUS_TONES[status], rescheduleLocked: booking.sessionCheckout?.state === "ACTIVE" };
  });
  return visible;
}
