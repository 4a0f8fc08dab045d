import type { Prisma } from "@calcom/prisma/client";

import { SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from "../status";
import { sessionStatusOf } from "../transitions";

/** What lists of sessions show (client history, past sessions): read once, status derived by the rules. */
export const sessionRowSelect = {
  id: true,
  title: true,
  startTime: true,
  status: true,
  rating: true,
  eventType: { select: { title: true, price: true, currency: true } },
  attendees: { select: { email: true, name: true, noShow: true } },
  sessionCheckout: { select: { state: true } },
} satisfies Prisma.BookingSelect;

export type SessionRowSource = Prisma.BookingGetPayload<{ select: typeof sessionRowSelect }>;

export function toSessionRow(row: SessionRowSource) {
  const status = sessionStatusOf({
    bookingStatus: row.status,
    startTime: row.startTime,
    checkoutState: row.sessionCheckout?.state ?? null,
    attendees: row.attendees.map((a) => ({ ...a, noShow: a.noShow === true })),
  });
  return {
    bookingId: row.id,
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
  };
}

export type SessionRow = ReturnType<typeof toSessionRow>;
