import type { PrismaClient } from "@calcom/prisma";

import { SessionCheckoutError } from "../errors";
import type { SessionStatus } from "../status";
import { normalizeEmail } from "../transitions";
import { sessionRowSelect, toSessionRow } from "./session-rows";

const PAGE_SIZE = 50;

/**
 * Every session one client (attendee email) had with the calling host, newest first, with status,
 * price, the session's rating and the client's own answer, and totals over all of them (with the
 * client's average rating). Notes are not part of it: they stay their author's.
 */
export async function getClientHistory(db: PrismaClient, { callerId, attendeeEmail, cursor }: { callerId: number; attendeeEmail: string; cursor?: number }) {
  // Exact, case-insensitive email match (Prisma's insensitive mode is ILIKE, where "_" is a wildcard).
  // The host's own bookings first (Booking(userId, …)), then each one's attendees (Attendee(bookingId)):
  // the work grows with this host's sessions, never with the whole Attendee table, and needs no index
  // on Cal.com's Attendee. The planner left to itself scans every attendee for lower(email).
  const withClient = await db.$queryRaw<Array<{ bookingId: number }>>`
    SELECT b."id" AS "bookingId" FROM "Booking" b
    CROSS JOIN LATERAL (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id" AND lower(a."email") = ${normalizeEmail(attendeeEmail)} LIMIT 1) client
    WHERE b."userId" = ${callerId}`;
  const rows = await db.booking.findMany({
    where: { id: { in: withClient.map((row) => row.bookingId) } },
    select: sessionRowSelect,
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
  });
  const answers = await clientAnswers(db, rows.map((row) => row.id), attendeeEmail);
  const sessions = rows.map((row) => ({ ...toSessionRow(row), clientAnswer: answers.get(row.id) ?? null }));
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
    totals: { sessions: sessions.length, completed: count("COMPLETED"), noShows: count("NO_SHOW"), cancelled: count("CANCELLED"), ...ratingSummary(answers) },
  };
}

export type ClientAnswer = { rating: number; comment: string | null; answeredAt: Date | null };

/**
 * This client's own survey answers, by booking: in a group session the booking's rating is the
 * group's mean, and the host wants what this client said.
 */
async function clientAnswers(db: PrismaClient, bookingIds: number[], attendeeEmail: string): Promise<Map<number, ClientAnswer>> {
  if (bookingIds.length === 0) return new Map();
  const surveys = await db.app_SessionCheckout_Survey.findMany({
    where: { bookingId: { in: bookingIds }, attendeeEmail: normalizeEmail(attendeeEmail), status: "ANSWERED", rating: { not: null } },
    select: { bookingId: true, rating: true, comment: true, answeredAt: true },
  });
  const answers = new Map<number, ClientAnswer>();
  surveys.forEach((survey) => {
    if (survey.rating !== null) answers.set(survey.bookingId, { rating: survey.rating, comment: survey.comment, answeredAt: survey.answeredAt });
  });
  return answers;
}

/** The client's average over every session they rated (not only this page), or null when they rated none. */
function ratingSummary(answers: Map<number, ClientAnswer>): { rated: number; averageRating: number | null } {
  const ratings = Array.from(answers.values(), (answer) => answer.rating);
  if (ratings.length === 0) return { rated: 0, averageRating: null };
  return { rated: ratings.length, averageRating: ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length };
}
