import type { Prisma } from "@calcom/prisma/client";

import { SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from "../status";
import { allowedActions, sessionStatusOf } from "../transitions";
import { sessionSnapshotSelect, snapshotOf } from "./session-snapshot";

/** What lists of sessions show (client history, past sessions): read once, status derived by the rules. */
export const sessionRowSelect = {
  ...sessionSnapshotSelect,
  id: true,
  uid: true,
  title: true,
  rating: true,
  eventType: { select: { title: true, price: true, currency: true } },
} satisfies Prisma.BookingSelect;

export type SessionRowSource = Prisma.BookingGetPayload<{ select: typeof sessionRowSelect }>;

export function toSessionRow(row: SessionRowSource) {
  const snapshot = snapshotOf(row);
  const status = sessionStatusOf(snapshot);
  // Whether it can be checked out now, and if not why, from the rules themselves (a list offers
  // selection only where the action would be allowed, and says why elsewhere).
  const checkout = allowedActions(snapshot, new Date()).checkout;
  return {
    bookingId: row.id,
    uid: row.uid,
    title: row.title,
    startTime: row.startTime,
    eventTypeTitle: row.eventType?.title ?? null,
    price: row.eventType?.price ?? 0,
    currency: row.eventType?.currency ?? "usd",
    attendeeNames: row.attendees.map((a) => a.name),
    status,
    statusLabel: SESSION_STATUS_LABELS[status],
    tone: SESSION_STATUS_TONES[status],
    rating: row.rating,
    checkout,
  };
}

export type SessionRow = ReturnType<typeof toSessionRow>;
