import type { PrismaClient } from "@calcom/prisma";

import type { SessionStatus } from "../status";
import { normalizeEmail } from "../transitions";
import { sessionRowSelect, toSessionRow } from "./session-rows";

const PAGE_SIZE = 50;

/**
 * Every session one client (attendee email) had with the calling host, newest first, with status,
 * price and rating, and totals over all of them. Notes are not part of it: they stay their author's.
 */
export async function getClientHistory(db: PrismaClient, { callerId, attendeeEmail, cursor }: { callerId: number; attendeeEmail: string; cursor?: number }) {
  const where = { userId: callerId, attendees: { some: { email: { equals: normalizeEmail(attendeeEmail), mode: "insensitive" as const } } } };
  const rows = await db.booking.findMany({ where, select: sessionRowSelect, orderBy: [{ startTime: "desc" }, { id: "desc" }] });
  const sessions = rows.map(toSessionRow);
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
