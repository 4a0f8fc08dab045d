import type { PrismaClient } from "@calcom/prisma";

import { SessionCheckoutError } from "../errors";
import type { SessionStatus } from "../status";
import { normalizeEmail } from "../transitions";
import { sessionRowSelect, toSessionRow } from "./session-rows";

const PAGE_SIZE = 50;

/**
 * Every session one client (attendee email) had with the calling host, newest first, with status,
 * price and rating, and totals over all of them. Notes are not part of it: they stay their author's.
 */
export async function getClientHistory(db: PrismaClient, { callerId, attendeeEmail, cursor }: { callerId: number; attendeeEmail: string; cursor?: number }) {
  // Exact, case-insensitive email match (Prisma's insensitive mode is ILIKE, where "_" is a wildcard).
  const withClient = await db.$queryRaw<Array<{ bookingId: number }>>`
    SELECT DISTINCT a."bookingId" FROM "Attendee" a JOIN "Booking" b ON b."id" = a."bookingId"
    WHERE b."userId" = ${callerId} AND lower(a."email") = ${normalizeEmail(attendeeEmail)}`;
  const rows = await db.booking.findMany({
    where: { id: { in: withClient.map((row) => row.bookingId) } },
    select: sessionRowSelect,
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
  });
  const sessions = rows.map(toSessionRow);
  const count = (status: SessionStatus) => sessions.filter((s) => s.status === status).length;
  const clientName = rows.flatMap((r) => r.attendees).find((a) => normalizeEmail(a.email) === normalizeEmail(attendeeEmail))?.name ?? null;
  const cursorIndex = cursor === undefined ? -1 : sessions.findIndex((s) => s.bookingId === cursor);
  if (cursor !== undefined && cursorIndex === -1) throw new SessionCheckoutError("BAD_REQUEST", "This client's history changed since it was loaded. Reload the page.");
  const start = cursorIndex + 1;
  const page = sessions.slice(start, start + PAGE_SIZE);
  return {
    attendeeEmail: normalizeEmail(attendeeEmail),
    clientName,
    sessions: page,
    nextCursor: start + PAGE_SIZE < sessions.length ? page.at(-1)!.bookingId : null,
    totals: { sessions: sessions.length, completed: count("COMPLETED"), noShows: count("NO_SHOW"), cancelled: count("CANCELLED") },
  };
}
