import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import { reportSessionsCsv } from "@calcom/app-store/session-checkout/components/reports/report-csv";
import { REPORT_SESSIONS_LIMIT } from "@calcom/app-store/session-checkout/lib/services/report-sessions";
import type { CheckoutState } from "@calcom/app-store/session-checkout/lib/status";
import type { BookingStatus } from "@calcom/prisma/enums";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * The sessions behind a report (the CSV export), whose reports a caller may open (reportScopes), and
 * the Sessions page's tabs and counts: each agrees with the report's own figures.
 */

const { prisma } = await useTestDatabase();
const make = factories(prisma);

async function session(spec: {
  hostId: number;
  start: string;
  title?: string;
  eventTypeId?: number;
  status?: BookingStatus;
  checkout?: CheckoutState;
  attendees?: Array<{ name?: string; noShow?: boolean; rating?: number }>;
  payments?: Array<{ amount: number; currency: string; refunded?: boolean }>;
}) {
  const startTime = new Date(spec.start);
  const attendees = spec.attendees ?? [{}];
  const booking = await prisma.booking.create({
    data: {
      uid: randomUUID(),
      title: spec.title ?? "Fixture session",
      userId: spec.hostId,
      eventTypeId: spec.eventTypeId ?? null,
      status: spec.status ?? "ACCEPTED",
      startTime,
      endTime: new Date(startTime.getTime() + 3_600_000),
      attendees: { create: attendees.map((a, i) => ({ email: `c${i}-${randomUUID().slice(0, 6)}@client.example`, name: a.name ?? `Client ${i}`, timeZone: "Europe/Paris", noShow: a.noShow ?? false })) },
    },
    include: { attendees: true },
  });
  if (spec.checkout) await prisma.app_SessionCheckout_Checkout.create({ data: { bookingId: booking.id, state: spec.checkout, method: "MANUAL", checkedOutAt: startTime } });
  for (const [i, a] of attendees.entries()) {
    if (a.rating === undefined) continue;
    await prisma.app_SessionCheckout_Survey.create({
      data: { bookingId: booking.id, attendeeEmail: booking.attendees[i]!.email.toLowerCase(), attendeeName: booking.attendees[i]!.name, status: "ANSWERED", rating: a.rating, answeredAt: startTime, sentAt: startTime },
    });
  }
  for (const p of spec.payments ?? []) {
    await prisma.payment.create({ data: { uid: randomUUID(), bookingId: booking.id, amount: p.amount, fee: 0, currency: p.currency, success: true, refunded: p.refunded ?? false, data: {}, externalId: randomUUID() } });
  }
  return booking;
}

describe("reportSessions: the sessions behind the numbers", async () => {
  const dana = await make.user({ name: "Dana Reyes", timeZone: "Europe/Paris" });
  const coaching = await make.eventType({ userId: dana.id, price: 9000, currency: "eur" });
  const tutoring = await make.eventType({ userId: dana.id, price: 5000, currency: "jpy" });
  await prisma.eventType.update({ where: { id: coaching.id }, data: { title: "Coaching" } });
  await prisma.eventType.update({ where: { id: tutoring.id }, data: { title: "Tutoring" } });
  // 25 Oct 00:30 in Paris (24 Oct 22:30 UTC), paid in euros, rated by both clients; one client's name is a formula.
  const paid = await session({
    hostId: dana.id,
    start: "2026-10-24T22:30:00Z",
    title: "Coaching, the \"deep\" one",
    eventTypeId: coaching.id,
    checkout: "ACTIVE",
    attendees: [{ name: "=HYPERLINK(\"http://x\")", rating: 5 }, { name: "Kim", rating: 4 }],
    payments: [{ amount: 9000, currency: "EUR" }, { amount: 1000, currency: "eur", refunded: true }],
  });
  await session({ hostId: dana.id, start: "2026-10-25T23:30:00Z", eventTypeId: tutoring.id, checkout: "ACTIVE", payments: [{ amount: 5000, currency: "jpy" }] });
  await session({ hostId: dana.id, start: "2026-10-25T10:00:00Z", eventTypeId: coaching.id, attendees: [{ noShow: true }] });
  await session({ hostId: dana.id, start: "2026-10-26T09:00:00Z", eventTypeId: coaching.id, checkout: "UNDONE" });
  await session({ hostId: dana.id, start: "2026-10-26T10:00:00Z", eventTypeId: tutoring.id, status: "CANCELLED", payments: [{ amount: 5000, currency: "jpy" }] });
  await session({ hostId: dana.id, start: "2026-10-26T23:30:00Z", eventTypeId: coaching.id, checkout: "ACTIVE" }); // 27 Oct in Paris: outside
  const sam = await make.user({ name: "Sam Okafor", timeZone: "Europe/Paris" });
  await session({ hostId: sam.id, start: "2026-10-25T10:00:00Z", checkout: "ACTIVE" });
  const range = { from: "2026-10-24", to: "2026-10-26" };

  it("lists each session of the range once, in start order, in the host's zone, with the report's statuses and money", async () => {
    const sessions = await callerFor(prisma, dana).reportSessions(range);
    expect(sessions).toMatchObject({ timeZone: "Europe/Paris", total: 5, truncated: false });
    expect(sessions.rows.map((r) => [r.start, r.eventType, r.statusLabel])).toEqual([
      ["2026-10-25 00:30", "Coaching", "Completed"],
      ["2026-10-25 11:00", "Coaching", "No Show"],
      ["2026-10-26 00:30", "Tutoring", "Completed"],
      ["2026-10-26 10:00", "Coaching", "Awaiting checkout"],
      ["2026-10-26 11:00", "Tutoring", "Cancelled"],
    ]);
    expect(sessions.rows[0]).toMatchObject({
      bookingId: paid.id,
      title: "Coaching, the \"deep\" one",
      host: "Dana Reyes",
      attendees: [`=HYPERLINK("http://x") <${paid.attendees[0]!.email}>`, `Kim <${paid.attendees[1]!.email}>`],
      ratings: [5, 4],
      // The refunded payment is not collected but refunded; a paid session has no list value.
      collected: [{ currency: "eur", amount: 9000 }],
      refunded: [{ currency: "eur", amount: 1000 }],
      listValue: [],
    });
    // A cancelled session whose payment was kept: money collected all the same.
    expect(sessions.rows[4]!.collected).toEqual([{ currency: "jpy", amount: 5000 }]);

    // The rows add up to the report's figures.
    const report = await callerFor(prisma, dana).reports(range);
    const count = (label: string) => sessions.rows.filter((r) => r.statusLabel === label).length;
    expect([count("Completed"), count("No Show"), count("Cancelled"), count("Awaiting checkout")]).toEqual([report.totals.completed, report.totals.noShow, report.totals.cancelled, report.totals.awaitingCheckout]);
    for (const kind of ["collected", "refunded", "listValue"] as const) {
      const sum: Record<string, number> = {};
      for (const row of sessions.rows) for (const money of row[kind]) sum[money.currency] = (sum[money.currency] ?? 0) + money.amount;
      expect(sum).toEqual(report.totals[kind]);
    }
  });

  it("writes them as spreadsheet-safe CSV in each currency's own decimals", async () => {
    const csv = reportSessionsCsv(await callerFor(prisma, dana).reportSessions(range)).split("\r\n");
    expect(csv[0]).toBe('Booking,Start (Europe/Paris),End,Session,Event type,Host,Status,Attendees,Ratings,Collected,Refunded,"List value, unpaid"');
    expect(csv[1]).toBe(`${paid.id},2026-10-25 00:30,2026-10-25 01:30,"Coaching, the ""deep"" one",Coaching,Dana Reyes,Completed,"'=HYPERLINK(""http://x"") <${paid.attendees[0]!.email}>; Kim <${paid.attendees[1]!.email}>","5; 4",90.00 EUR,10.00 EUR,`);
    expect(csv[2]).toMatch(/^\d+,2026-10-25 11:00,2026-10-25 12:00,Fixture session,Coaching,Dana Reyes,No Show,Client 0 <[^>]+> \(no-show\),,,,$/);
    expect(csv[3]).toMatch(/^\d+,2026-10-26 00:30,2026-10-26 01:30,Fixture session,Tutoring,Dana Reyes,Completed,Client 0 <[^>]+>,,5000 JPY,,$/);
  });

  it("takes the report's filters: another zone, one event type", async () => {
    const utc = await callerFor(prisma, dana).reportSessions({ ...range, timeZone: "UTC" });
    expect(utc.rows.map((r) => r.start)).toEqual(["2026-10-24 22:30", "2026-10-25 10:00", "2026-10-25 23:30", "2026-10-26 09:00", "2026-10-26 10:00", "2026-10-26 23:30"]);
    const tutoringOnly = await callerFor(prisma, dana).reportSessions({ ...range, eventTypeId: tutoring.id });
    expect(tutoringOnly.rows.map((r) => r.statusLabel)).toEqual(["Completed", "Cancelled"]);
  });

  it(`stops at ${REPORT_SESSIONS_LIMIT.toLocaleString("en-US")} rows and says how many there were`, async () => {
    const busy = await make.user({ timeZone: "UTC" });
    const start = Date.parse("2026-09-01T08:00:00Z");
    await prisma.booking.createMany({
      data: Array.from({ length: REPORT_SESSIONS_LIMIT + 1 }, (_, i) => ({
        uid: randomUUID(),
        title: `Session ${i}`,
        userId: busy.id,
        status: "ACCEPTED" as const,
        startTime: new Date(start + i * 60_000),
        endTime: new Date(start + i * 60_000 + 30 * 60_000),
      })),
    });
    const sessions = await callerFor(prisma, busy).reportSessions({ from: "2026-09-01", to: "2026-09-30" });
    expect(sessions).toMatchObject({ total: REPORT_SESSIONS_LIMIT + 1, truncated: true });
    expect(sessions.rows).toHaveLength(REPORT_SESSIONS_LIMIT);
    expect(sessions.rows[0]!.title).toBe("Session 0");
  });

  it("refuses a bad range as the report does", async () => {
    await expect(callerFor(prisma, dana).reportSessions({ from: "2026-03-02", to: "2026-03-01" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("ends before it starts") });
  });
});

describe("team scope: reportScopes offers what reportSessions and reports allow", async () => {
  const admin = await make.user({ name: "Alex Admin", timeZone: "Europe/London" });
  const owner = await make.user({ name: "Olive Owner" });
  const member = await make.user({ name: "Morgan Member" });
  const invited = await make.user({ name: "Ivy Invited" });
  const outsider = await make.user({ name: "Oscar Outsider" });
  const harbor = await make.team([
    { userId: admin.id, role: "ADMIN" },
    { userId: owner.id, role: "OWNER" },
    { userId: member.id, role: "MEMBER" },
    { userId: invited.id, role: "ADMIN", accepted: false },
  ]);
  await prisma.team.update({ where: { id: harbor.id }, data: { name: "Harbor Wellness" } });
  const other = await make.team([{ userId: admin.id, role: "OWNER" }, { userId: owner.id, role: "MEMBER" }]);
  await prisma.team.update({ where: { id: other.id }, data: { name: "Anchor Clinic" } });
  const workshop = await make.eventType({ teamId: harbor.id });
  await session({ hostId: member.id, start: "2026-10-25T09:00:00Z", eventTypeId: workshop.id, checkout: "ACTIVE", attendees: [{ name: "Team client" }] });
  await session({ hostId: member.id, start: "2026-10-25T15:00:00Z", title: "Morgan's own", checkout: "ACTIVE" });
  const range = { from: "2026-10-24", to: "2026-10-26" };

  it("lists the caller's own scope first, then each team they are an accepted admin or owner of, by name", async () => {
    expect(await callerFor(prisma, admin).reportScopes()).toEqual([
      { kind: "host" },
      { kind: "team", teamId: other.id, teamName: "Anchor Clinic" },
      { kind: "team", teamId: harbor.id, teamName: "Harbor Wellness" },
    ]);
    expect(await callerFor(prisma, owner).reportScopes()).toEqual([{ kind: "host" }, { kind: "team", teamId: harbor.id, teamName: "Harbor Wellness" }]);
    expect(await callerFor(prisma, member).reportScopes()).toEqual([{ kind: "host" }]);
    expect(await callerFor(prisma, invited).reportScopes()).toEqual([{ kind: "host" }]);
    expect(await callerFor(prisma, outsider).reportScopes({})).toEqual([{ kind: "host" }]);
  });

  it("gives a team's admin the team's sessions with their hosts; a plain member is refused, an outsider finds no team", async () => {
    const sessions = await callerFor(prisma, admin).reportSessions({ ...range, teamId: harbor.id });
    expect(sessions.rows.map((r) => [r.host, r.statusLabel, r.attendees.length])).toEqual([["Morgan Member", "Completed", 1]]);
    expect(sessions.timeZone).toBe("Europe/London");
    await expect(callerFor(prisma, member).reportSessions({ ...range, teamId: harbor.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(prisma, invited).reportSessions({ ...range, teamId: harbor.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(prisma, outsider).reportSessions({ ...range, teamId: harbor.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A member's own export has their own sessions, the team's among them, never a teammate's.
    expect((await callerFor(prisma, member).reportSessions(range)).rows.map((r) => r.title)).toEqual(["Fixture session", "Morgan's own"]);
  });

  it("refuses a signed-out caller and a caller without the app", async () => {
    await expect(callerFor(prisma, null).reportScopes()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const notInstalled = await make.user({ installed: false });
    await expect(callerFor(prisma, notInstalled).reportSessions(range)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the Sessions page: tabs, counts, search and filters over the report's own set of sessions", async () => {
  const host = await make.user({ timeZone: "Europe/Paris" });
  const coaching = await make.eventType({ userId: host.id });
  const intro = await make.eventType({ userId: host.id });
  const never = await session({ hostId: host.id, start: "2026-11-02T08:00:00Z", eventTypeId: coaching.id, attendees: [{ name: "Kim 100%_Client" }] });
  const undone = await session({ hostId: host.id, start: "2026-11-03T08:00:00Z", checkout: "UNDONE", eventTypeId: intro.id });
  const completed = await session({ hostId: host.id, start: "2026-11-03T10:00:00Z", checkout: "ACTIVE", eventTypeId: coaching.id, attendees: [{ name: "Ana Lopez" }] });
  const noShow = await session({ hostId: host.id, start: "2026-11-04T10:00:00Z", attendees: [{ noShow: true }] });
  // Part of a group absent: still awaiting checkout, as the report counts it.
  const partly = await session({ hostId: host.id, start: "2026-11-04T11:00:00Z", attendees: [{ noShow: true, name: "Absent One" }, { name: "Present Two" }] });
  const pending = await session({ hostId: host.id, start: "2026-11-04T12:00:00Z", status: "PENDING" });
  const cancelled = await session({ hostId: host.id, start: "2026-11-05T12:00:00Z", status: "CANCELLED" });
  // A booking a reschedule replaced is not a session of its own: only its replacement is listed.
  const replaced = await session({ hostId: host.id, start: "2026-11-05T14:00:00Z", status: "CANCELLED" });
  await prisma.booking.update({ where: { id: replaced.id }, data: { rescheduled: true } });
  await session({ hostId: host.id, start: "2026-11-01T22:30:00Z" }); // 1 Nov 23:30 in Paris: before the range
  const tomorrow = new Date(Date.now() + 86_400_000);
  const upcoming = await session({ hostId: host.id, start: tomorrow.toISOString() }); // not ended
  const range = { from: "2026-11-02", to: new Date(tomorrow.getTime() + 86_400_000).toISOString().slice(0, 10) };
  const ids = (list: { sessions: Array<{ bookingId: number }> }) => list.sessions.map((row) => row.bookingId);

  it("each tab lists exactly its sessions, newest first, and every count is the report's figure", async () => {
    const caller = callerFor(prisma, host);
    const tab = (name: "awaiting" | "completed" | "noShow" | "cancelled" | "all") => caller.listSessions({ ...range, tab: name });
    const [awaiting, done, absent, gone, all] = await Promise.all([tab("awaiting"), tab("completed"), tab("noShow"), tab("cancelled"), tab("all")]);
    expect(ids(awaiting)).toEqual([partly.id, undone.id, never.id]);
    expect(ids(done)).toEqual([completed.id]);
    expect(ids(absent)).toEqual([noShow.id]);
    expect(ids(gone)).toEqual([cancelled.id]);
    expect(ids(all)).toEqual([upcoming.id, cancelled.id, pending.id, partly.id, noShow.id, completed.id, undone.id, never.id]);
    expect(all.counts).toEqual({ awaiting: 3, completed: 1, noShow: 1, cancelled: 1, all: 8 });
    expect([awaiting.total, all.total]).toEqual([3, 8]);
    const report = (await caller.reports(range)).totals;
    expect(all.counts).toMatchObject({ awaiting: report.awaitingCheckout, completed: report.completed, noShow: report.noShow, cancelled: report.cancelled });
    // Only rows the rules would check out offer it; the others say why.
    expect(awaiting.sessions.every((row) => row.checkout.allowed)).toBe(true);
    expect(done.sessions[0]!.checkout).toMatchObject({ allowed: false, reason: expect.stringMatching(/Completed/) });
    // The event types to filter by are those of the range's sessions.
    expect(all.eventTypes.map((e) => e.id).sort()).toEqual([coaching.id, intro.id].sort());
  });

  it("searches a client's name or address, case-insensitively, with % and _ as themselves", async () => {
    const caller = callerFor(prisma, host);
    const found = async (search: string, tab: "awaiting" | "all" = "all") => ids(await caller.listSessions({ ...range, tab, search }));
    expect(await found("ana lo")).toEqual([completed.id]);
    expect(await found("100%_c")).toEqual([never.id]);
    expect(await found("100%x")).toEqual([]);
    expect(await found("a_a")).toEqual([]);
    // A group session is found by any of its clients, and the counts follow the search.
    expect(await found("absent one", "awaiting")).toEqual([partly.id]);
    const email = partly.attendees[1]!.email.toUpperCase();
    const byEmail = await caller.listSessions({ ...range, tab: "awaiting", search: email });
    expect([ids(byEmail), byEmail.counts.all, byEmail.counts.awaiting]).toEqual([[partly.id], 1, 1]);
  });

  it("filters by event type, keeping the scope's event types to choose from", async () => {
    const list = await callerFor(prisma, host).listSessions({ ...range, tab: "all", eventTypeId: coaching.id });
    expect(ids(list)).toEqual([completed.id, never.id]);
    expect(list.counts).toMatchObject({ all: 2, awaiting: 1, completed: 1 });
    expect(list.eventTypes).toHaveLength(2);
  });

  it("shows a team's sessions to its admins, with each session's host, and to nobody else", async () => {
    const admin = await make.user({ name: "Alex Admin" });
    const member = await make.user({ name: "Morgan Member" });
    const outsider = await make.user();
    const team = await make.team([
      { userId: admin.id, role: "ADMIN" },
      { userId: member.id, role: "MEMBER" },
    ]);
    const workshop = await make.eventType({ teamId: team.id });
    const theirs = await session({ hostId: member.id, start: "2026-11-03T09:00:00Z", eventTypeId: workshop.id });
    await session({ hostId: member.id, start: "2026-11-03T09:30:00Z" }); // the member's personal session: not the team's
    const list = await callerFor(prisma, admin).listSessions({ ...range, tab: "awaiting", teamId: team.id });
    expect(ids(list)).toEqual([theirs.id]);
    expect(list.sessions[0]!.hostName).toBe("Morgan Member");
    expect(list.scope).toEqual({ kind: "team", teamId: team.id, teamName: team.name });
    // What the list offers, the admin may do.
    await callerFor(prisma, admin).checkout({ bookingId: theirs.id });
    expect((await callerFor(prisma, admin).listSessions({ ...range, tab: "completed", teamId: team.id })).counts).toMatchObject({ completed: 1, awaiting: 0 });
    await expect(callerFor(prisma, member).listSessions({ ...range, teamId: team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(prisma, outsider).listSessions({ ...range, teamId: team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Without a team: the caller's own sessions only.
    expect(ids(await callerFor(prisma, admin).listSessions({ ...range, tab: "all" }))).toEqual([]);
  });

  it("refuses what is not a range, a tab or a search, in words", async () => {
    const caller = callerFor(prisma, host);
    await expect(caller.listSessions({ from: "2026-11-05", to: "2026-11-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.listSessions({ ...range, search: "x".repeat(321) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Search for at most 320 characters." });
    // PostgreSQL would refuse it as a parameter: said to the caller, never a failure of ours.
    await expect(caller.listSessions({ ...range, search: "a\u0000b" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "A search cannot contain a NUL character." });
    // @ts-expect-error: a tab that does not exist
    await expect(caller.listSessions({ ...range, tab: "everything" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
