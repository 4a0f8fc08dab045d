import type { PrismaClient } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";

import { SESSION_LIST_TABS, type SessionListCounts, type SessionListTab } from "../session-list-tabs";
import { awaitingCheckout, readInZone, resolveScope, SESSION_IS, sessionsInRange } from "./reports";
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
    case "all":
      return Prisma.sql`true`;
    default:
      return SESSION_IS[tab];
  }
}

/** `text` as a literal part of an ILIKE pattern: its own % and _ match themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the Sessions page: the sessions that started in the range (the report's set: a booking
 * a reschedule replaced is not a session of its own), matching the search and event type, in one tab,
 * newest first; with every tab's count for the same filters and the event types to filter by. One
 * statement for all of that and the page's ids, then one for the rows as the rules read them.
 */
export async function listSessions(db: PrismaClient, input: SessionListInput) {
  const now = input.now ?? new Date();
  const page = input.page ?? 0;
  const scope = await resolveScope(db, input);
  const search = input.search?.trim();
  const pattern = search ? likePattern(search) : null;
  const matches = [
    input.eventTypeId === undefined ? Prisma.sql`true` : Prisma.sql`s."eventTypeId" = ${input.eventTypeId}`,
    pattern ? Prisma.sql`EXISTS (SELECT 1 FROM "Attendee" sa WHERE sa."bookingId" = s."id" AND (sa."name" ILIKE ${pattern} OR sa."email" ILIKE ${pattern}))` : Prisma.sql`true`,
  ];
  // One count per tab, named as the tab.
  const counts = Prisma.join(SESSION_LIST_TABS.map((tab) => Prisma.sql`count(*) FILTER (WHERE ${tabCondition(tab, now)})::int AS ${Prisma.raw(`"${tab}"`)}`));
  // One statement: the scope's sessions in the range read once, the event types to choose from among
  // all of them, the counts and the page among those the search and event type keep.
  const [found] = await readInZone(
    input.timeZone,
    db.$queryRaw<Array<SessionListCounts & { ids: number[] | null; eventTypes: Array<{ id: number; title: string }> | null }>>`
      WITH ${sessionsInRange({ from: input.from, to: input.to, timeZone: input.timeZone, bucket: "day" }, scope.sql, { materialized: true })},
      kept AS (SELECT s.* FROM sessions s WHERE ${Prisma.join(matches, " AND ")})
      SELECT ${counts},
             (SELECT array_agg(p."id") FROM (
                SELECT s."id" FROM kept s WHERE ${tabCondition(input.tab, now)}
                ORDER BY s."startTime" DESC, s."id" DESC LIMIT ${SESSIONS_PAGE_SIZE} OFFSET ${page * SESSIONS_PAGE_SIZE}
             ) p) AS ids,
             (SELECT json_agg(json_build_object('id', et."id", 'title', et."title") ORDER BY et."title", et."id")
                FROM "EventType" et WHERE et."id" IN (SELECT s."eventTypeId" FROM sessions s)) AS "eventTypes"
      FROM kept s`,
  );
  const { ids, eventTypes, ...tabCounts } = found!;
  const rows = ids?.length
    ? await db.booking.findMany({
        where: { id: { in: ids } },
        select: { ...sessionRowSelect, user: { select: { name: true, email: true } } },
        orderBy: [{ startTime: "desc" }, { id: "desc" }],
      })
    : [];
  return {
    sessions: rows.map((row) => ({ ...toSessionRow(row), hostName: row.user ? row.user.name?.trim() || row.user.email : null })),
    counts: tabCounts,
    eventTypes: eventTypes ?? [],
    total: tabCounts[input.tab],
    page,
    pageSize: SESSIONS_PAGE_SIZE,
    scope: scope.kind === "team" ? { kind: "team" as const, teamId: scope.teamId, teamName: scope.teamName } : { kind: "host" as const },
  };
}

export type SessionList = Awaited<ReturnType<typeof listSessions>>;
export type SessionListRow = SessionList["sessions"][number];
