import type { PrismaClient } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";

import type { SessionListCounts, SessionListTab } from "../session-list-tabs";
import { awaitingCheckout, readInZone, resolveScope, sessionsInRange } from "./reports";
import { sessionRowSelect, toSessionRow } from "./session-rows";

/** Sessions per page of the Sessions page; the answer says how many there are in all, so nothing is cut off unsaid. */
export const SESSIONS_PAGE_SIZE = 50;

export interface SessionListInput {
  callerId: number;
  /** Calendar days, both included, in `timeZone` (the caller's). */
  from: string;
  to: string;
  timeZone: string;
  tab: SessionListTab;
  /** Part of a client's name or address. */
  search?: string;
  eventTypeId?: number;
  /** A team the caller administers: its sessions instead of the caller's own. */
  teamId?: number;
  page?: number;
  now?: Date;
}

/** Each tab's condition over `sessions s`: the report's own definitions, so a tab's count is the report's figure. */
function tabCondition(tab: SessionListTab, now: Date): Prisma.Sql {
  switch (tab) {
    case "awaiting":
      return awaitingCheckout(now);
    case "completed":
      return Prisma.sql`s.status = 'COMPLETED'`;
    case "noShow":
      return Prisma.sql`s.status = 'NO_SHOW'`;
    case "cancelled":
      return Prisma.sql`s.status = 'CANCELLED'`;
    case "all":
      return Prisma.sql`true`;
  }
}

/** `text` as a literal part of an ILIKE pattern: its own % and _ match themselves. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the Sessions page: the sessions that started in the range (the report's set: a booking
 * a reschedule replaced is not a session of its own), matching the search and event type, in one tab,
 * newest first; with every tab's count for the same filters. One statement for the counts and the
 * page's ids (beside it, one for the event types to filter by), then one for the rows as the rules read them.
 */
export async function listSessions(db: PrismaClient, input: SessionListInput) {
  const now = input.now ?? new Date();
  const page = input.page ?? 0;
  const scope = await resolveScope(db, input);
  const search = input.search?.trim();
  const filter = search
    ? Prisma.sql`${scope.sql} AND EXISTS (SELECT 1 FROM "Attendee" sa WHERE sa."bookingId" = b."id" AND (sa."name" ILIKE ${likePattern(search)} OR sa."email" ILIKE ${likePattern(search)}))`
    : scope.sql;
  const range = { from: input.from, to: input.to, timeZone: input.timeZone, bucket: "day" as const };
  const [[found], eventTypes] = await readInZone(
    input.timeZone,
    Promise.all([
      db.$queryRaw<Array<SessionListCounts & { ids: number[] | null }>>`
      WITH ${sessionsInRange({ ...range, eventTypeId: input.eventTypeId }, filter, { materialized: true })}
      SELECT count(*) FILTER (WHERE ${tabCondition("awaiting", now)})::int AS awaiting,
             count(*) FILTER (WHERE ${tabCondition("completed", now)})::int AS completed,
             count(*) FILTER (WHERE ${tabCondition("noShow", now)})::int AS "noShow",
             count(*) FILTER (WHERE ${tabCondition("cancelled", now)})::int AS cancelled,
             count(*)::int AS "all",
             (SELECT array_agg(p."id") FROM (
                SELECT s."id" FROM sessions s WHERE ${tabCondition(input.tab, now)}
                ORDER BY s."startTime" DESC, s."id" DESC LIMIT ${SESSIONS_PAGE_SIZE} OFFSET ${page * SESSIONS_PAGE_SIZE}
             ) p) AS ids
      FROM sessions s`,
      // The event types to filter by: those of the scope's sessions in the range, whichever is chosen.
      db.$queryRaw<Array<{ id: number; title: string }>>`
      WITH ${sessionsInRange(range, scope.sql)}
      SELECT DISTINCT et."id", et."title" FROM sessions s JOIN "EventType" et ON et."id" = s."eventTypeId" ORDER BY et."title", et."id"`,
    ]),
  );
  const { ids, ...counts } = found!;
  const rows = ids?.length
    ? await db.booking.findMany({
        where: { id: { in: ids } },
        select: { ...sessionRowSelect, user: { select: { name: true, email: true } } },
        orderBy: [{ startTime: "desc" }, { id: "desc" }],
      })
    : [];
  return {
    sessions: rows.map((row) => ({ ...toSessionRow(row), hostName: row.user ? row.user.name?.trim() || row.user.email : null })),
    counts,
    eventTypes,
    total: counts[input.tab],
    page,
    pageSize: SESSIONS_PAGE_SIZE,
    scope: scope.kind === "team" ? { kind: "team" as const, teamId: scope.teamId, teamName: scope.teamName } : { kind: "host" as const },
  };
}

export type SessionList = Awaited<ReturnType<typeof listSessions>>;
export type SessionListRow = SessionList["sessions"][number];
