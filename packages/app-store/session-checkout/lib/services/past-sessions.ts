import type { PrismaClient } from "@calcom/prisma";

import { sessionRowSelect, toSessionRow } from "./session-rows";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The caller's sessions that started in the last `days` days, newest first: the list the host checks out from. */
export async function getPastSessions(db: PrismaClient, { callerId, days, now = new Date() }: { callerId: number; days: number; now?: Date }) {
  const rows = await db.booking.findMany({
    where: { userId: callerId, startTime: { lte: now, gte: new Date(now.getTime() - days * DAY_MS) } },
    select: sessionRowSelect,
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
    take: 500,
  });
  return rows.map(toSessionRow);
}
