import type { PrismaClient } from "@calcom/prisma";

import { awaitingCheckout, readInZone, resolveScope, sessionsInRange } from "./reports";
import { sessionRowSelect, toSessionRow } from "./session-rows";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions per page of the Sessions page; the answer says how many there are in all, so nothing is cut off unsaid. */
export const SESSIONS_PAGE_SIZE = 100;

type SessionRow = ReturnType<typeof toSessionRow>;

export interface SessionsPage<Row> {
  sessions: Row[];
  total: number;
  page: number;
  pageSize: number;
}

/** The caller's sessions that started in the last `days` days, newest first, a page at a time: the list the host checks out from. */
export async function getPastSessions(db: PrismaClient, { callerId, days, page = 0, now = new Date() }: { callerId: number; days: number; page?: number; now?: Date }) {
  const where = { userId: callerId, startTime: { lte: now, gte: new Date(now.getTime() - days * DAY_MS) } };
  const [rows, total] = await Promise.all([
    db.booking.findMany({ where, select: sessionRowSelect, orderBy: [{ startTime: "desc" }, { id: "desc" }], skip: page * SESSIONS_PAGE_SIZE, take: SESSIONS_PAGE_SIZE }),
    db.booking.count({ where }),
  ]);
  return { sessions: rows.map(toSessionRow), total, page, pageSize: SESSIONS_PAGE_SIZE };
}

/**
 * The caller's sessions awaiting checkout that started in a range of days, newest first: the list
 * behind the report's "Awaiting checkout" figure, selected by the report's own SQL so the two agree.
 */
export async function getAwaitingSessions(
  db: PrismaClient,
  {
    callerId,
    from,
    to,
    eventTypeId,
    timeZone,
    page = 0,
    now = new Date(),
  }: { callerId: number; from: string; to: string; eventTypeId?: number; timeZone: string; page?: number; now?: Date },
): Promise<SessionsPage<SessionRow>> {
  const scope = await resolveScope(db, { callerId });
  const ids = await readInZone(
    timeZone,
    db.$queryRaw<Array<{ id: number; total: number }>>`
      WITH ${sessionsInRange({ from, to, timeZone, bucket: "day", eventTypeId }, scope.sql)}
      SELECT s."id", (count(*) OVER ())::int AS total FROM sessions s WHERE ${awaitingCheckout(now)}
      ORDER BY s."startTime" DESC, s."id" DESC LIMIT ${SESSIONS_PAGE_SIZE} OFFSET ${page * SESSIONS_PAGE_SIZE}`,
  );
  const rows = await db.booking.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: sessionRowSelect,
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
  });
  // Past the last page there is no row to carry the total: count again only then.
  const total = ids[0]?.total ?? (page === 0 ? 0 : (await getAwaitingSessions(db, { callerId, from, to, eventTypeId, timeZone, now })).total);
  return { sessions: rows.map(toSessionRow), total, page, pageSize: SESSIONS_PAGE_SIZE };
}
