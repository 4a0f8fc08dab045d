import { describe, expect, it } from "vitest";

import { checkOutInChunks } from "@calcom/app-store/session-checkout/components/bulk-chunks";

import { callerFor, factories } from "../support/factories";
import { refusalOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

describe("bulk checkout", () => {
  it("checks out each allowed session and says why each other one was refused", async () => {
    const host = await make.user();
    const stranger = await make.user();
    const [a, b] = [await make.booking({ hostId: host.id }), await make.booking({ hostId: host.id })];
    const pending = await make.booking({ hostId: host.id, status: "PENDING" });
    const future = await make.booking({ hostId: host.id, startedMinutesAgo: -120 });
    const foreign = await make.booking({ hostId: stranger.id });
    const result = await callerFor(prisma, host).bulkCheckout({ bookingIds: [a.id, pending.id, b.id, future.id, foreign.id, a.id] });
    expect(result).toEqual({
      succeeded: 2,
      failed: 3,
      results: [
        { bookingId: a.id, ok: true, status: "COMPLETED" },
        { bookingId: pending.id, ok: false, code: "PRECONDITION_FAILED", message: "Only confirmed sessions can be checked out. This session is Pending." },
        { bookingId: b.id, ok: true, status: "COMPLETED" },
        { bookingId: future.id, ok: false, code: "PRECONDITION_FAILED", message: "This session is Confirmed but has not started yet. It can be checked out once it has started." },
        { bookingId: foreign.id, ok: false, code: "NOT_FOUND", message: "Session not found." },
      ],
    });
    const audit = await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId: { in: [a.id, b.id] } } });
    expect(audit.map((e) => [e.action, e.source])).toEqual([["CHECKED_OUT", "BULK"], ["CHECKED_OUT", "BULK"]]);
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: { in: [pending.id, future.id, foreign.id] } } })).toBe(0);
  });

  it("takes any selection the Sessions page offers in requests of 100, as the page sends them, into one result list; at least one", async () => {
    const host = await make.user();
    const sessions = [];
    for (let i = 0; i < 230; i++) sessions.push(await make.booking({ hostId: host.id, startedMinutesAgo: 120 + i }));
    const pending = await make.booking({ hostId: host.id, status: "PENDING" });
    const caller = callerFor(prisma, host);
    const requests: number[] = [];
    const result = await checkOutInChunks([...sessions.map((s) => s.id), pending.id], (bookingIds) => (requests.push(bookingIds.length), caller.bulkCheckout({ bookingIds })));
    expect(requests).toEqual([100, 100, 31]);
    expect(result).toMatchObject({ succeeded: 230, failed: 1 });
    expect(result.results).toHaveLength(231);
    expect(result.results.at(-1)).toMatchObject({ bookingId: pending.id, ok: false, code: "PRECONDITION_FAILED" });
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: { in: sessions.map((s) => s.id) }, state: "ACTIVE" } })).toBe(230);
    expect((await refusalOf(caller.bulkCheckout({ bookingIds: Array.from({ length: 101 }, (_, i) => i + 1) }))).code).toBe("BAD_REQUEST");
    expect((await refusalOf(callerFor(prisma, host).bulkCheckout({ bookingIds: [] }))).code).toBe("BAD_REQUEST");
  }, 60_000);
});

describe("client session history", () => {
  it("lists every session of one client with this host, with status, price, rating and totals", async () => {
    const host = await make.user();
    const otherHost = await make.user();
    const paid = await make.eventType({ userId: host.id, price: 9000, currency: "usd" });
    const client = { email: "Kim@Client.example", name: "Kim" };
    const done = await make.booking({ hostId: host.id, eventTypeId: paid.id, startedMinutesAgo: 3000, attendees: [client] });
    const absent = await make.booking({ hostId: host.id, startedMinutesAgo: 2000, attendees: [{ ...client, noShow: true }] });
    const cancelled = await make.booking({ hostId: host.id, status: "CANCELLED", startedMinutesAgo: 1000, attendees: [client] });
    await make.booking({ hostId: host.id, attendees: [{ email: "someone-else@client.example" }] });
    await make.booking({ hostId: otherHost.id, attendees: [client] });
    await callerFor(prisma, host).checkout({ bookingId: done.id });
    await prisma.booking.update({ where: { id: done.id }, data: { rating: 5 } });
    await callerFor(prisma, host).addNote({ bookingId: done.id, body: "a private note never shown in history" });

    const history = await callerFor(prisma, host).clientHistory({ attendeeEmail: "kim@client.example" });
    expect(history.clientName).toBe("Kim");
    // No survey answered: Cal.com's own booking rating shows, but the client has no rating of theirs to average.
    expect(history.totals).toEqual({ sessions: 3, completed: 1, noShows: 1, cancelled: 1, rated: 0, averageRating: null });
    expect(history.sessions.map((s) => [s.bookingId, s.status, s.price, s.currency, s.rating])).toEqual([
      [cancelled.id, "CANCELLED", 0, "usd", null],
      [absent.id, "NO_SHOW", 0, "usd", null],
      [done.id, "COMPLETED", 9000, "usd", 5],
    ]);
    expect(await prisma.app_SessionCheckout_Note.count({ where: { bookingId: done.id } })).toBe(1);
    expect(JSON.stringify(history)).not.toContain("never shown");

    // Undo takes the session out of the completed total at once.
    await callerFor(prisma, host).undoCheckout({ bookingId: done.id });
    expect((await callerFor(prisma, host).clientHistory({ attendeeEmail: "kim@client.example" })).totals.completed).toBe(0);
  });

  it("in a group session where one client was marked absent, that client's history says No Show; the others' say Completed", async () => {
    const host = await make.user();
    const group = await make.booking({ hostId: host.id, startedMinutesAgo: 500, attendees: [{ email: "ana@client.example", name: "Ana" }, { email: "ben@client.example", name: "Ben" }] });
    const caller = callerFor(prisma, host);
    // Ben did not come; the session happened for Ana and is checked out.
    await caller.markNoShow({ bookingId: group.id, attendeeEmails: ["ben@client.example"] });
    await caller.checkout({ bookingId: group.id });

    const ben = await caller.clientHistory({ attendeeEmail: "ben@client.example" });
    expect(ben.sessions.map((s) => [s.bookingId, s.status, s.statusLabel])).toEqual([[group.id, "NO_SHOW", "No Show"]]);
    expect(ben.totals).toMatchObject({ sessions: 1, completed: 0, noShows: 1 });
    const ana = await caller.clientHistory({ attendeeEmail: "ana@client.example" });
    expect(ana.sessions.map((s) => [s.bookingId, s.status])).toEqual([[group.id, "COMPLETED"]]);
    expect(ana.totals).toMatchObject({ sessions: 1, completed: 1, noShows: 0 });
    // The session's History names who was marked absent.
    const { history } = await caller.getSession({ bookingId: group.id });
    expect(history.map((entry) => [entry.action, entry.attendeeNames])).toEqual([
      ["CHECKED_OUT", []],
      ["NO_SHOW_MARKED", ["Ben"]],
    ]);
  });
});
