import type { PrismaClient } from "@calcom/prisma";

import { mayAccessBooking } from "../booking-access";
import { bookingNotFound } from "../errors";
import { SESSION_STATUS_LABELS } from "../status";
import { allowedActions, normalizeEmail, sessionStatusOf } from "../transitions";
import { historyOrder, historyPage, historySelect, HISTORY_PAGE_SIZE } from "./session-history";
import { snapshotOf } from "./session-snapshot";
import { toSurveyView } from "./survey-view";

/** Everything the booking dialog shows about a session: status, allowed actions, checkout, surveys, history. */
export async function getSessionDetails(db: PrismaClient, { bookingId, callerId, now = new Date() }: { bookingId: number; callerId: number; now?: Date }) {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      uid: true,
      title: true,
      userId: true,
      startTime: true,
      endTime: true,
      status: true,
      rating: true,
      createdAt: true,
      fromReschedule: true,
      attendees: { select: { email: true, name: true, noShow: true }, orderBy: { id: "asc" } },
      sessionCheckout: {
        select: { state: true, method: true, checkedOutAt: true, undoneAt: true, checkedOutBy: { select: { id: true, name: true } } },
      },
      sessionSurveys: {
        select: { attendeeEmail: true, attendeeName: true, status: true, attempts: true, lastError: true, cancelReason: true, sentAt: true, answeredAt: true, rating: true, comment: true, alertStatus: true },
        orderBy: { id: "asc" },
      },
      // The latest page only: a session's history grows without bound (every survey sent, every undo).
      sessionCheckoutAudit: { select: historySelect, orderBy: historyOrder, take: HISTORY_PAGE_SIZE + 1 },
    },
  });
  if (!booking) throw bookingNotFound();
  if (!(await mayAccessBooking(db, callerId, booking))) {
    throw bookingNotFound();
  }

  const snapshot = snapshotOf(booking);
  // Attendees who asked this host for no more surveys and so have none: the dialog says why.
  const surveyed = new Set(booking.sessionSurveys.map((survey) => survey.attendeeEmail));
  const unsurveyed = Array.from(new Set(booking.attendees.map((a) => normalizeEmail(a.email)).filter((email) => !surveyed.has(email))));
  // Two reads that need nothing of each other: side by side.
  const [unsubscribed, movedFrom] = await Promise.all([
    booking.userId !== null && unsurveyed.length > 0
      ? db.app_SessionCheckout_SurveyOptOut.findMany({ where: { hostUserId: booking.userId, email: { in: unsurveyed } }, select: { email: true } }).then((rows) => rows.map((row) => row.email))
      : [],
    rescheduledFrom(db, booking),
  ]);
  const status = sessionStatusOf(snapshot);

  return {
    bookingId: booking.id,
    uid: booking.uid,
    title: booking.title,
    startTime: booking.startTime,
    endTime: booking.endTime,
    status,
    statusLabel: SESSION_STATUS_LABELS[status],
    allowedActions: allowedActions(snapshot, now),
    attendees: snapshot.attendees,
    checkout: booking.sessionCheckout,
    rating: booking.rating,
    surveys: booking.sessionSurveys.map(toSurveyView),
    unsubscribedFromSurveys: unsubscribed,
    rescheduledFrom: movedFrom,
    ...historyPageFields(historyPage(booking.sessionCheckoutAudit, booking.attendees)),
  };
}

/**
 * Cal.com reschedules by a new booking that names the old one (`fromReschedule`): the session's
 * History starts with the move (when, and from what time), not with "nothing has happened".
 */
async function rescheduledFrom(db: PrismaClient, booking: { fromReschedule: string | null; createdAt: Date; startTime: Date }) {
  if (!booking.fromReschedule) return null;
  const original = await db.booking.findUnique({ where: { uid: booking.fromReschedule }, select: { startTime: true, endTime: true } });
  return original ? { at: booking.createdAt, fromStartTime: original.startTime, fromEndTime: original.endTime, toStartTime: booking.startTime } : null;
}

/** The dialog's first page of History, and where "Show older entries" starts. */
function historyPageFields(page: ReturnType<typeof historyPage>) {
  return { history: page.entries, historyNextCursor: page.nextCursor };
}

export type SessionDetails = Awaited<ReturnType<typeof getSessionDetails>>;
