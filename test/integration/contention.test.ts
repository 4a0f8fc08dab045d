import { createPrismaClient } from "@calcom/prisma";
import { TRPCError } from "@trpc/server";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { SESSION_BUSY_MESSAGE } from "@calcom/app-store/session-checkout/lib/services/session-busy";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const { prisma: setup, url } = await useTestDatabase();
// The web app's own pool size: a waiter that kept its connection would soon starve everyone else.
const prisma = createPrismaClient({ databaseUrl: url, maxConnections: 10 });
afterAll(() => prisma.$disconnect());
const make = factories(setup);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; outcome: PromiseSettledResult<T> }> {
  const started = performance.now();
  const [outcome] = await Promise.allSettled([work()]);
  return { ms: performance.now() - started, outcome: outcome! };
}

/** Another connection holds the booking's row lock (as a long Cal.com write would) until released. */
async function holdRowLock(bookingId: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`SELECT "id" FROM "Booking" WHERE "id" = $1 FOR UPDATE`, [bookingId]);
  return { release: async () => (await client.query("COMMIT"), await client.end()) };
}

describe("a session whose row someone else holds", () => {
  it("is refused with a clear message within a bounded wait, never a 500; strangers are refused before the lock; other hosts are not delayed", async () => {
    const host = await make.user();
    const other = await make.user();
    const stranger = await make.user();
    const busy = await make.booking({ hostId: host.id });
    const othersBooking = await make.booking({ hostId: other.id });
    const otherCaller = callerFor(prisma, other);
    await otherCaller.getSettings();

    // The other host's calls with nothing held: the baseline.
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) quiet.push((await timed(() => otherCaller.getSettings())).ms);

    const lock = await holdRowLock(busy.id);
    try {
      // 30 tabs check the busy session out at once, and a stranger floods it with calls.
      const checkouts = Array.from({ length: 30 }, () => timed(() => callerFor(prisma, host).checkout({ bookingId: busy.id })));
      const strangers = Array.from({ length: 20 }, () => timed(() => callerFor(prisma, stranger).checkout({ bookingId: busy.id })));
      // Meanwhile the other host works: settings, and a checkout of their own session.
      const during: number[] = [];
      for (let i = 0; i < 10; i++) during.push((await timed(() => otherCaller.getSettings())).ms);
      const ownCheckout = await timed(() => otherCaller.checkout({ bookingId: othersBooking.id }));

      for (const { ms, outcome } of await Promise.all(checkouts)) {
        expect(outcome.status).toBe("rejected");
        const error = (outcome as PromiseRejectedResult).reason as TRPCError;
        expect(error).toBeInstanceOf(TRPCError);
        expect(error.code).toBe("CONFLICT");
        expect(error.message).toBe(SESSION_BUSY_MESSAGE);
        // The retry budget (1.5 s) and one last attempt, not the lock's holder's time.
        expect(ms).toBeLessThan(3_000);
      }
      for (const { ms, outcome } of await Promise.all(strangers)) {
        expect(((outcome as PromiseRejectedResult).reason as TRPCError).code).toBe("NOT_FOUND");
        // Refused by Cal.com's access rule before any lock: no retrying, no waiting on the held row.
        // A call that waited would take the whole retry budget (1.5 s); asking the access service
        // is a few statements, on a pool the 30 retrying callers keep busy.
        expect(ms).toBeLessThan(1_500);
      }
      expect(ownCheckout.outcome).toMatchObject({ status: "fulfilled", value: { status: "COMPLETED" } });
      expect(median(during) - median(quiet)).toBeLessThan(100);
      expect(ownCheckout.ms).toBeLessThan(median(quiet) + 100 + 200);
    } finally {
      await lock.release();
    }
    // Nothing was written while it was held; once released, the checkout goes through.
    expect(await setup.app_SessionCheckout_Checkout.count({ where: { bookingId: busy.id } })).toBe(0);
    await expect(callerFor(prisma, host).checkout({ bookingId: busy.id })).resolves.toMatchObject({ status: "COMPLETED" });
  });

  it("a lock released during the retries lets the waiting checkout through", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id });
    const lock = await holdRowLock(booking.id);
    const checkout = callerFor(prisma, host).checkout({ bookingId: booking.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await lock.release();
    await expect(checkout).resolves.toMatchObject({ status: "COMPLETED" });
  });

  it("a held attendee row (Cal.com's own no-show write) is refused the same way", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN");
    await client.query(`SELECT "id" FROM "Attendee" WHERE "bookingId" = $1 FOR UPDATE`, [booking.id]);
    try {
      const error = await callerFor(prisma, host).markNoShow({ bookingId: booking.id }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "CONFLICT", message: SESSION_BUSY_MESSAGE });
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
