import type { PrismaClient } from "@calcom/prisma";
import type { BookingStatus } from "@calcom/prisma/enums";

import { SessionCheckoutError } from "../errors";
import { clientSessionStatus, SESSION_STATUS_LABELS, SESSION_STATUS_TONES, type CheckoutState, type SessionStatus } from "../status";
import { normalizeEmail } from "../transitions";
import { type SessionRowSource, toSessionRow } from "./session-rows";

const PAGE_SIZE = 50;

/**
 * Every session one client (attendee email) had with the calling host, newest first, with status,
 * price, the session's rating and the client's own answer, and totals over all of them (with the
 * client's average rating). Notes are not part of it: they stay their author's.
 */
export async function getClientHistory(db: PrismaClient, { callerId, attendeeEmail, cursor }: { callerId: number; attendeeEmail: string; cursor?: number }) {
  const client = normalizeEmail(attendeeEmail);
  const rows = await clientSessions(db, callerId, client);
  const answers = new Map<number, ClientAnswer>();
  rows.forEach((row) => {
    if (row.answer !== null) answers.set(row.id, row.answer);
  });
  const sessions = rows.map((row) => {
    const session = toSessionRow(row);
    // The client's own attendance: in a group, one client can be absent from a session that happened.
    const status = clientSessionStatus(session.status, row.attendees.some((a) => normalizeEmail(a.email) === client && a.noShow === true));
    return { ...session, status, statusLabel: SESSION_STATUS_LABELS[status], tone: SESSION_STATUS_TONES[status], clientAnswer: row.answer };
  });
  const count = (status: SessionStatus) => sessions.filter((s) => s.status === status).length;
  const clientName = rows.flatMap((r) => r.attendees).find((a) => normalizeEmail(a.email) === client)?.name ?? null;
  const cursorIndex = cursor === undefined ? -1 : sessions.findIndex((s) => s.bookingId === cursor);
  if (cursor !== undefined && cursorIndex === -1) throw new SessionCheckoutError("BAD_REQUEST", "This client's history changed since it was loaded. Reload the page.");
  const start = cursorIndex + 1;
  const page = sessions.slice(start, start + PAGE_SIZE);
  return {
    attendeeEmail: client,
    clientName,
    sessions: page,
    nextCursor: start + PAGE_SIZE < sessions.length ? page.at(-1)!.bookingId : null,
    totals: { sessions: sessions.length, completed: count("COMPLETED"), noShows: count("NO_SHOW"), cancelled: count("CANCELLED"), ...ratingSummary(answers) },
  };
}

type ClientSessionRow = SessionRowSource & { answer: ClientAnswer | null };

interface ClientSessionRecord {
  id: number;
  uid: string;
  title: string;
  status: BookingStatus;
  startTime: Date;
  rating: number | null;
  eventType: { title: string; price: number; currency: string } | null;
  checkoutState: CheckoutState | null;
  attendees: Array<{ email: string; name: string; noShow: boolean | null }>;
  answerRating: number | null;
  answerComment: string | null;
  answeredAt: Date | null;
}

/**
 * The host's sessions with this client, in one statement (a list page is as fast as its round
 * trips): each session as the list rules read it (sessionRowSelect's fields: attendees in id order,
 * the checkout state, the event type) and this client's own answered survey. The host's own
 * bookings first (Booking(userId, …)), then each one's attendees (Attendee(bookingId, email)): the
 * work grows with this host's sessions, never with the whole Attendee table. An exact,
 * case-insensitive email match (Prisma's insensitive mode is ILIKE, where "_" is a wildcard); left
 * to itself the planner scans every attendee for lower(email), hence the lateral probe; the event
 * type is a subquery for the same reason (a join would hash the whole EventType table).
 */
async function clientSessions(db: PrismaClient, callerId: number, client: string): Promise<ClientSessionRow[]> {
  const records = await db.$queryRaw<ClientSessionRecord[]>`
    WITH with_client AS MATERIALIZED (
      SELECT b."id", b."uid", b."title", b."status", b."startTime", b."rating", b."eventTypeId" FROM "Booking" b
      CROSS JOIN LATERAL (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id" AND lower(a."email") = ${client} LIMIT 1) probe
      WHERE b."userId" = ${callerId}
    )
    -- upper(): the enum's database values are Cal.com's names in lower case ('accepted' is ACCEPTED).
    SELECT w."id", w."uid", w."title", upper(w."status"::text) AS "status", w."startTime", w."rating",
      (SELECT json_build_object('title', e."title", 'price', e."price", 'currency', e."currency") FROM "EventType" e WHERE e."id" = w."eventTypeId") AS "eventType",
      c."state"::text AS "checkoutState",
      (SELECT coalesce(json_agg(json_build_object('email', a."email", 'name', a."name", 'noShow', a."noShow") ORDER BY a."id"), '[]'::json)
         FROM "Attendee" a WHERE a."bookingId" = w."id") AS "attendees",
      s."rating" AS "answerRating", s."comment" AS "answerComment", s."answeredAt"
    FROM with_client w
    LEFT JOIN "App_SessionCheckout_Checkout" c ON c."bookingId" = w."id"
    LEFT JOIN "App_SessionCheckout_Survey" s ON s."bookingId" = w."id" AND s."attendeeEmail" = ${client} AND s."status" = 'ANSWERED' AND s."rating" IS NOT NULL
    ORDER BY w."startTime" DESC, w."id" DESC`;
  return records.map(({ checkoutState, answerRating, answerComment, answeredAt, ...row }) => ({
    ...row,
    sessionCheckout: checkoutState === null ? null : { state: checkoutState },
    answer: answerRating === null ? null : { rating: answerRating, comment: answerComment, answeredAt },
  }));
}

export type ClientAnswer = { rating: number; comment: string | null; answeredAt: Date | null };

/** The client's average over every session they rated (not only this page), or null when they rated none. */
function ratingSummary(answers: Map<number, ClientAnswer>): { rated: number; averageRating: number | null } {
  const ratings = Array.from(answers.values(), (answer) => answer.rating);
  if (ratings.length === 0) return { rated: 0, averageRating: null };
  return { rated: ratings.length, averageRating: ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length };
}
