import type { PrismaClient } from "@calcom/prisma";

import { callerMayActOnBooking } from "../access";
import { SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from "../status";
import { sessionStatusOf } from "../transitions";

/** Status and reschedule lock of many sessions at once, for the calendar. Sessions the caller may not see are left out. */
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
  const visible = [];
  for (const booking of bookings) {
    if (!(await callerMayActOnBooking(db, callerId, { userId: booking.userId, teamId: booking.eventType?.teamId ?? null }))) continue;
    const status = sessionStatusOf({
      bookingStatus: booking.status,
      startTime: booking.startTime,
      checkoutState: booking.sessionCheckout?.state ?? null,
      attendees: booking.attendees.map((a) => ({ ...a, noShow: a.noShow === true })),
    });
    visible.push({ bookingId: booking.id, status, statusLabel: SESSION_STATUS_LABELS[status], tone: SESSION_STATUS_TONES[status], rescheduleLocked: status === "COMPLETED" });
  }
  return visible;
}
