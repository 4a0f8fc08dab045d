import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

async function settled<T>(promises: Array<Promise<T>>) {
  const results = await Promise.allSettled(promises);
  return {
    fulfilled: results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === "fulfilled").map((r) => r.value),
    rejected: results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown),
  };
}

describe("two hands on one session at the same moment", () => {
  it("20 concurrent checkouts: exactly one wins, one audit entry, one survey per attendee", async () => {
    const host = await make.user();
    await callerFor(prisma, host).updateSettings({ surveysEnabled: true });
    const booking = await make.booking({
      hostId: host.id,
      attendees: [{ email: "one@client.example" }, { email: "Two@Client.example" }, { email: "three@client.example" }],
    });

    // Separate callers, as 20 browser tabs would be; the pool has room for all of them at once.
    const { fulfilled, rejected } = await settled(
      Array.from({ length: 20 }, () => callerFor(prisma, host).checkout({ bookingId: booking.id })),
    );

    expect(fulfilled).toHaveLength(1);
    expect(fulfilled[0]).toMatchObject({ status: "COMPLETED", surveysQueued: 3 });
    expect(rejected).toHaveLength(19);
    for (const error of rejected) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("PRECONDITION_FAILED");
    }
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: booking.id, action: "CHECKED_OUT" } })).toBe(1);
    const surveys = await prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId: booking.id }, orderBy: { attendeeEmail: "asc" } });
    expect(surveys.map((s) => s.attendeeEmail)).toEqual(["one@client.example", "three@client.example", "two@client.example"]);
  });

  it("a checkout racing a no-show: the session ends in one consistent state, never both", async () => {
    for (let round = 0; round < 10; round++) {
      const host = await make.user();
      const booking = await make.booking({ hostId: host.id });
      const caller = callerFor(prisma, host);
      const { fulfilled } = await settled<unknown>([caller.checkout({ bookingId: booking.id }), caller.markNoShow({ bookingId: booking.id })]);
      expect(fulfilled).toHaveLength(1);
      const checkout = await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id } });
      const attendee = await prisma.attendee.findFirstOrThrow({ where: { bookingId: booking.id } });
      // Exactly one of the two effects happened.
      expect(checkout?.state === "ACTIVE").toBe(attendee.noShow !== true);
      expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: booking.id } })).toBe(1);
    }
  });

  it("the database itself refuses a second checkout row and a second survey for the same attendee", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id });
    const row = { bookingId: booking.id, state: "ACTIVE" as const, method: "MANUAL" as const, checkedOutAt: new Date() };
    await prisma.app_SessionCheckout_Checkout.create({ data: row });
    await expect(prisma.app_SessionCheckout_Checkout.create({ data: row })).rejects.toMatchObject({ code: "P2002" });

    const survey = { bookingId: booking.id, attendeeEmail: "x@client.example", attendeeName: "X" };
    await prisma.app_SessionCheckout_Survey.create({ data: survey });
    await expect(prisma.app_SessionCheckout_Survey.create({ data: survey })).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("the survey outbox", () => {
  it("checking a session out again after an undo never queues a second survey", async () => {
    const host = await make.user();
    const caller = callerFor(prisma, host);
    await caller.updateSettings({ surveysEnabled: true });
    const booking = await make.booking({ hostId: host.id, attendees: [{ email: "client@client.example" }] });

    expect((await caller.checkout({ bookingId: booking.id })).surveysQueued).toBe(1);
    await caller.undoCheckout({ bookingId: booking.id });
    expect(await prisma.app_SessionCheckout_Survey.count({ where: { bookingId: booking.id } })).toBe(1);
    expect((await caller.checkout({ bookingId: booking.id })).surveysQueued).toBe(0);
    expect(await prisma.app_SessionCheckout_Survey.count({ where: { bookingId: booking.id } })).toBe(1);
  });

  it("never surveys an attendee marked no-show, and queues nothing when surveys are off", async () => {
    const host = await make.user();
    const caller = callerFor(prisma, host);
    const group = await make.booking({ hostId: host.id, attendees: [{ email: "came@client.example" }, { email: "absent@client.example" }] });
    await caller.updateSettings({ surveysEnabled: true });
    await caller.markNoShow({ bookingId: group.id, attendeeEmails: ["absent@client.example"] });
    await caller.checkout({ bookingId: group.id });
    const surveyed = await prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId: group.id } });
    expect(surveyed.map((s) => s.attendeeEmail)).toEqual(["came@client.example"]);

    await caller.updateSettings({ surveysEnabled: false });
    const solo = await make.booking({ hostId: host.id });
    expect((await caller.checkout({ bookingId: solo.id })).surveysQueued).toBe(0);
    expect(await prisma.app_SessionCheckout_Survey.count({ where: { bookingId: solo.id } })).toBe(0);
  });

  it("records who checked out, when and how, and who undid it", async () => {
    const host = await make.user();
    const caller = callerFor(prisma, host);
    const booking = await make.booking({ hostId: host.id });
    const { checkedOutAt } = await caller.checkout({ bookingId: booking.id });
    await caller.undoCheckout({ bookingId: booking.id });
    const checkout = await prisma.app_SessionCheckout_Checkout.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(checkout).toMatchObject({ state: "UNDONE", method: "MANUAL", checkedOutById: host.id, undoneById: host.id, checkedOutAt });
    const history = (await caller.getSession({ bookingId: booking.id })).history;
    expect(history.map((h) => [h.action, h.actor.name, h.source])).toEqual([
      ["CHECKOUT_UNDONE", host.name, "MANUAL"],
      ["CHECKED_OUT", host.name, "MANUAL"],
    ]);
  });
});
