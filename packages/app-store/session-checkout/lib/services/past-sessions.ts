import type { PrismaClient } from "@calcom/prisma";

import { awaitingCheckout, resolveScope, sessionsInRange } from "./reports";
import { sessionRowSelect, toSessionRow } from "./session-rows";

const DAY_MS = 24 * 60 * 60 * 1000;
const LIST_LIMIT = 500;

/** The caller's sessions that started in the last `days` days, newest first: the list the host checks out from. */
export async function getPastSessions(db: PrismaClient, { callerId, days, now = new Date() }: { callerId: number; days: number; now?: Date }) {
  const rows = await db.booking.findMany({
    where: { userId: callerId, startTime: { lte: now, gte: new Date(now.getTime() - days * DAY_MS) } },
    select: sessionRowSelect,
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
  });
  return rows.map(toSessionRow);
}

/**
 * The caller's sessions awaiting checkout that started in a range of days, newest first: the list
 * behind the report's "Awaiting checkout" figure, selected by the report's own SQL so the two agree.
 */
export async function getAwaitingSessions(
  db: PrismaClient,
  { callerId, from, to, eventTypeId, timeZone, now = new Date() }: { callerId: number; from: string; to: string; eventTypeId?: number; timeZone: string; now?: Date },
) {
  const scope = await resolveScope(db, { callerId });
  const ids = await db.$queryRaw<Array<{ id: number }>>`
    WITH ${sessionsInRange({ from, to, timeZone, bucket: "day", eventTypeId }, scope.sql)}
    SELECT s."id" FROM sessions s WHERE ${awaitingCheckout(now)}
    ORDER BY s."startTime" DESC, s."id" DESC LIMIT ${LIST_LIMIT}`;
  const rows = await db.booking.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: sessionRowSelect,
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
  });
  return rows.map(toSessionRow);
}
