import type { PrismaClient } from "@calcom/prisma";

export type ReportScopeChoice = { kind: "host" } | { kind: "team"; teamId: number; teamName: string };

/**
 * Whose reports the caller may open: their own sessions, and each team where they are an accepted
 * ADMIN or OWNER (the rule `resolveScope` in reports.ts enforces for each request).
 */
export async function listReportScopes(db: PrismaClient, callerId: number): Promise<ReportScopeChoice[]> {
  const teams = await db.membership.findMany({
    where: { userId: callerId, accepted: true, role: { in: ["ADMIN", "OWNER"] } },
    select: { teamId: true, team: { select: { name: true } } },
    orderBy: [{ team: { name: "asc" } }, { teamId: "asc" }],
  });
  return [{ kind: "host" as const }, ...teams.map((m) => ({ kind: "team" as const, teamId: m.teamId, teamName: m.team.name }))];
}
