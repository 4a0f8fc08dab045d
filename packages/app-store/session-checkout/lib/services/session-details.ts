import type { PrismaClient } from "@calcom/prisma";

import { callerMayActOnBooking, ownershipOf } from "../access";
import { bookingNotFound } from "../errors";
import { SESSION_STATUS_LABELS } from "../status";
import { allowedActions, sessionStatusOf } from "../transitions";
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
      eventType: { select: { teamId: true } },
      attendees: { select: { email: true, name: true, noShow: true }, orderBy: { id: "asc" } },
      sessionCheckout: {
        select: { state: true, method: true, checkedOutAt: true, undoneAt: true, checkedOutBy: { select: { id: true, name: true } } },
      },
      sessionSurveys: {
        select: { attendeeEmail: true, attendeeName: true, status: true, attempts: true, lastError: true, sentAt: true, answeredAt: true, rating: true, comment: true, alertStatus: true },
        orderBy: { id: "asc" },
      },
      sessionCheckoutAudit: {
        select: { id: true, action: true, actorType: true, source: true, details: true, createdAt: true, actorUser: { select: { id: true, name: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      },
    },
  });
  if (!booking) throw bookingNotFound();
  if (!(await callerMayActOnBooking(db, callerId, ownershipOf(booking)))) {
    throw bookingNotFound();
  }

  const snapshot = snapshotOf(booking);
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
    history: booking.sessionCheckoutAudit.map((entry) => ({
      id: entry.id,
      action: entry.action,
      source: entry.source,
      at: entry.createdAt,
      details: entry.details,
      actor:
        entry.actorType === "USER"
          ? { type: entry.actorType, userId: entry.actorUser?.id ?? null, name: entry.actorUser?.name ?? "Deleted user" }
          : { type: entry.actorType, userId: null, name: entry.actorType === "AUTO_CHECKOUT" ? "Auto-checkout" : entry.actorType === "CLIENT" ? "Client" : "System" },
    })),
  };
}

export type SessionDetails = Awaited<ReturnType<typeof getSessionDetails>>;
