import type { PrismaClient } from "@calcom/prisma";

import { bookingsCallerMayAccess } from "../booking-access";
import { SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from "../status";
import { sessionStatusOf } from "../transitions";
import { sessionSnapshotSelect, snapshotOf } from "./session-snapshot";

/**
 * Status and reschedule lock of many sessions at once, for the calendar. The lock is the one the
 * server's reschedule guard applies (an active checkout). Sessions the caller may not see are left out.
 */
export async function getSessionStatuses(db: PrismaClient, { callerId, bookingIds }: { callerId: number; bookingIds: number[] }) {
  const bookings = await db.booking.findMany({
    where: { id: { in: bookingIds } },
    select: { ...sessionSnapshotSelect, id: true, userId: true },
  });
  const visible = (await bookingsCallerMayAccess(db, callerId, bookings)).map((booking) => {
    const status = sessionStatusOf(snapshotOf(booking));
    return { bookingId: booking.id, status, statusLabel: SESSION_STATUS_LABELS[status], tone: SESSION_STATUS_TONES[status], rescheduleLocked: booking.sessionCheckout?.state === "ACTIVE" };
  });
  return visible;
}
