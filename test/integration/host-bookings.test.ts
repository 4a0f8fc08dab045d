import { describe, expect, it } from "vitest";

import { createCaller, createContext } from "@calcom/trpc/server";

import { callerFor, factories, minutesFromNow } from "../support/factories";
import { codeOf, refusalOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

const hostApi = (user: { id: number; name: string | null; email: string; timeZone: string; timeFormat: number | null }) => createCaller(createContext({ prisma, user })).viewer.bookings;
const hourLater = (date: Date) => new Date(date.getTime() + 3_600_000);

describe("rescheduling through the host (drag and resize)", () => {
  it("moves a Confirmed or Pending session, and refuses a Completed one with nothing changed", async () => {
    const host = await make.user();
    const confirmed = await make.booking({ hostId: host.id });
    const pending = await make.booking({ hostId: host.id, status: "PENDING" });
    const moved = await hostApi(host).reschedule({ bookingId: confirmed.id, startTime: hourLater(confirmed.startTime), endTime: hourLater(confirmed.endTime) });
    expect(moved.startTime).toEqual(hourLater(confirmed.startTime));
    // As Cal.com does it: a new booking naming the old one, which is cancelled as rescheduled.
    const replacement = await prisma.booking.findUniqueOrThrow({ where: { id: moved.id }, include: { attendees: true } });
    const replaced = await prisma.booking.findUniqueOrThrow({ where: { id: confirmed.id } });
    expect([replacement.fromReschedule, replacement.status, replacement.attendees.length]).toEqual([confirmed.uid, "ACCEPTED", 1]);
    expect([replaced.status, replaced.rescheduled, replaced.startTime]).toEqual(["CANCELLED", true, confirmed.startTime]);
    // The calendar shows the replacement only.
    const listed = await hostApi(host).list({ from: new Date(confirmed.startTime.getTime() - 86_400_000), to: new Date(confirmed.startTime.getTime() + 86_400_000) });
    expect(listed.map((b) => b.id)).toContain(moved.id);
    expect(listed.map((b) => b.id)).not.toContain(confirmed.id);
    // The replacement's dialog says it was moved, and from when: not "nothing has happened".
    const details = await callerFor(prisma, host).getSession({ bookingId: moved.id });
    expect(details.rescheduledFrom).toMatchObject({ fromStartTime: confirmed.startTime, fromEndTime: confirmed.endTime });
    expect((await callerFor(prisma, host).getSession({ bookingId: pending.id })).rescheduledFrom).toBeNull();
    expect(await codeOf(hostApi(host).reschedule({ bookingId: pending.id, startTime: hourLater(pending.startTime), endTime: hourLater(pending.endTime) }))).toBe("OK");

    const completed = await make.booking({ hostId: host.id });
    await callerFor(prisma, host).checkout({ bookingId: completed.id });
    const refusal = await refusalOf(hostApi(host).reschedule({ bookingId: completed.id, startTime: hourLater(completed.startTime), endTime: hourLater(completed.endTime) }));
    expect([refusal.code, refusal.message]).toEqual(["PRECONDITION_FAILED", "This session is Completed and can no longer be rescheduled. Undo the checkout first."]);
    // The guard on Cal.com's path: nothing replaced, nothing created.
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: completed.id } })).toMatchObject({ startTime: completed.startTime, status: "ACCEPTED", rescheduled: null });
    expect(await prisma.booking.count({ where: { fromReschedule: completed.uid } })).toBe(0);

    // After an undo it may move again.
    await callerFor(prisma, host).undoCheckout({ bookingId: completed.id });
    expect(await codeOf(hostApi(host).reschedule({ bookingId: completed.id, startTime: hourLater(completed.startTime), endTime: hourLater(completed.endTime) }))).toBe("OK");
  });

  it("refuses cancelled sessions, other hosts' sessions and an end before the start", async () => {
    const host = await make.user();
    const other = await make.user();
    const cancelled = await make.booking({ hostId: host.id, status: "CANCELLED" });
    expect(await codeOf(hostApi(host).reschedule({ bookingId: cancelled.id, startTime: minutesFromNow(60), endTime: minutesFromNow(120) }))).toBe("PRECONDITION_FAILED");
    const mine = await make.booking({ hostId: host.id });
    expect(await codeOf(hostApi(other).reschedule({ bookingId: mine.id, startTime: minutesFromNow(60), endTime: minutesFromNow(120) }))).toBe("NOT_FOUND");
    expect(await codeOf(hostApi(host).reschedule({ bookingId: mine.id, startTime: minutesFromNow(120), endTime: minutesFromNow(60) }))).toBe("BAD_REQUEST");
  });
});

describe("the calendar's data", () => {
  it("lists the host's sessions, and a team's sessions to its admins but not its members", async () => {
    const [host, admin, member] = [await make.user(), await make.user(), await make.user()];
    const team = await make.team([{ userId: host.id, role: "MEMBER" }, { userId: admin.id, role: "ADMIN" }, { userId: member.id, role: "MEMBER" }]);
    const teamType = await make.eventType({ teamId: team.id });
    const teamSession = await make.booking({ hostId: host.id, eventTypeId: teamType.id });
    const own = await make.booking({ hostId: host.id });
    const range = { from: minutesFromNow(-24 * 60), to: minutesFromNow(24 * 60) };
    expect((await hostApi(host).list(range)).map((b) => b.id).sort()).toEqual([teamSession.id, own.id].sort());
    expect((await hostApi(admin).list(range)).map((b) => b.id)).toEqual([teamSession.id]);
    expect(await hostApi(member).list(range)).toEqual([]);
  });

  it("the app reports each visible session's status and lock, and leaves out the rest", async () => {
    const host = await make.user();
    const stranger = await make.user();
    const completed = await make.booking({ hostId: host.id });
    const noShow = await make.booking({ hostId: host.id, attendees: [{ email: "x@client.example", noShow: true }] });
    const pending = await make.booking({ hostId: host.id, status: "PENDING" });
    await callerFor(prisma, host).checkout({ bookingId: completed.id });
    const statuses = await callerFor(prisma, host).sessionStatuses({ bookingIds: [completed.id, noShow.id, pending.id] });
    expect(statuses.sort((a, b) => a.bookingId - b.bookingId)).toEqual([
      { bookingId: completed.id, status: "COMPLETED", statusLabel: "Completed", tone: "green", rescheduleLocked: true },
      { bookingId: noShow.id, status: "NO_SHOW", statusLabel: "No Show", tone: "red", rescheduleLocked: false },
      { bookingId: pending.id, status: "PENDING", statusLabel: "Pending", tone: "orange", rescheduleLocked: false },
    ]);
    expect(await callerFor(prisma, stranger).sessionStatuses({ bookingIds: [completed.id] })).toEqual([]);
  });
});
