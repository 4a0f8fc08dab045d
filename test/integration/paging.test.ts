import { describe, expect, it } from "vitest";

import { SESSIONS_PAGE_SIZE } from "@calcom/app-store/session-checkout/lib/services/session-list";
import { HISTORY_PAGE_SIZE } from "@calcom/app-store/session-checkout/lib/services/session-history";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

describe("long lists come in pages and say how long they are", () => {
  it("a session's History: the dialog gets the latest 50 and a cursor; older pages follow, each entry once, newest first", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id });
    const caller = callerFor(prisma, host);
    // 61 checkouts and undos: 122 entries, some sharing an instant.
    for (let i = 0; i < 61; i++) {
      await caller.checkout({ bookingId: booking.id });
      await caller.undoCheckout({ bookingId: booking.id });
    }
    const all = await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId: booking.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(all).toHaveLength(122);

    const details = await caller.getSession({ bookingId: booking.id });
    expect(details.history).toHaveLength(HISTORY_PAGE_SIZE);
    expect(details.historyNextCursor).toBe(details.history.at(-1)!.id);
    const second = await caller.sessionHistory({ bookingId: booking.id, cursor: details.historyNextCursor! });
    const third = await caller.sessionHistory({ bookingId: booking.id, cursor: second.nextCursor! });
    expect([second.entries.length, third.entries.length, third.nextCursor]).toEqual([50, 22, null]);
    expect([...details.history, ...second.entries, ...third.entries].map((e) => e.id)).toEqual(all.map((e) => e.id));

    // Another host cannot page through it, even with a cursor of theirs.
    const stranger = await make.user();
    await expect(callerFor(prisma, stranger).sessionHistory({ bookingId: booking.id, cursor: details.historyNextCursor! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor learn anything of another session's History through a cursor on their own session.
    const theirs = await make.booking({ hostId: stranger.id });
    await callerFor(prisma, stranger).checkout({ bookingId: theirs.id });
    await expect(callerFor(prisma, stranger).sessionHistory({ bookingId: theirs.id, cursor: details.historyNextCursor! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  }, 60_000);

  it("the Sessions page: a page at a time with the total, never cut off unsaid", async () => {
    const host = await make.user();
    const count = SESSIONS_PAGE_SIZE + 30;
    for (let i = 0; i < count; i++) await make.booking({ hostId: host.id, startedMinutesAgo: 120 + i * 10 });
    const caller = callerFor(prisma, host);
    const today = new Date().toISOString().slice(0, 10);
    const days = { from: new Date(Date.now() - 28 * 86_400_000).toISOString().slice(0, 10), to: today };
    const first = await caller.listSessions({ ...days, tab: "awaiting" });
    const second = await caller.listSessions({ ...days, tab: "awaiting", page: 1 });
    const beyond = await caller.listSessions({ ...days, tab: "awaiting", page: 5 });
    expect([first.total, first.sessions.length, second.sessions.length, beyond.sessions.length, beyond.total]).toEqual([count, SESSIONS_PAGE_SIZE, 30, 0, count]);
    const ids = [...first.sessions, ...second.sessions].map((s) => s.bookingId);
    expect(new Set(ids).size).toBe(count);
    // Newest first across the page boundary.
    const starts = [...first.sessions, ...second.sessions].map((s) => new Date(s.startTime).getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  }, 60_000);
});
