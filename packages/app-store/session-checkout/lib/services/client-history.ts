import type { PrismaClient } from "@calcom/prisma";

import { SESSION_STATUS_LABELS, type SessionStatus } from "../status";
import { normalizeEmail, sessionStatusOf } from "../transitions";

const PAGE_SIZE = 50;

/**
 * Every session one client (attendee email) had with the calling host, newest first, with status,
 * price and rating, and totals over all of them. Notes are not part of it: they stay their author's.
 */
export async function getClientHistory(db: PrismaClient, { callerId, attendeeEmail, cursor }: { callerId: number; attendeeEmail: string; cursor?: number }) {
  const where = { userId: callerId, attendees: { some: { email: { equals: normalizeEmail(attendeeEmail), mode: "insensitive" as const } } } };
  const rows = await db.booking.findMany({
    where,
    select: {
      id: true,
      title: true,
      startTime: true,
      status: true,
      rating: true,
      eventType: { select: { title: true, price: true, currency: true } },
      attendees: { select: { email: true, name: true, noShow: true } },
      sessionCheckout: { select: { state: true } },
    },
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
  });
  const sessions = rows.map((row) => {
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
      status,
      statusLabel: SESSION_STATUS_LABELS[status],
      rating: row.rating,
    };
  });
  const count = (status: SessionStatus) => sessions.filter((s) => s.status === status).length;
  const clientName = rows.flatMap((r) => r.attendees).find((a) => normalizeEmail(a.email) === normalizeEmail(attendeeEmail))?.name ?? null;
  const start = cursor === undefined ? 0 : sessions.findIndex((s) => s.bookingId === cursor) + 1;
  const page = sessions.slice(start, start + PAGE_SIZE);
  return {
    attendeeEmail: normalizeEmail(attendeeEmail),
    clientName,
    sessions: page,
    nextCursor: start + PAGE_SIZE < sessions.length ? page.at(-1)!.bookingId : null,
    totals: { sessions: sessions.length, completed: count("COMPLETED"), noShows: count("NO_SHOW"), cancelled: count("CANCELLED") },
  };
}
