import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import { sessionsInRange } from "@calcom/app-store/session-checkout/lib/services/reports";
import { deriveSessionStatus, type CheckoutState } from "@calcom/app-store/session-checkout/lib/status";
import { Prisma } from "@calcom/prisma/client";
import type { BookingStatus } from "@calcom/prisma/enums";

import { factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * One definition of a session's status, two forms: `deriveSessionStatus` in TypeScript (the source)
 * and `App_SessionCheckout_session_status` in SQL, as the reports read it (`sessionsInRange`: the
 * attendee counts and the checkout state joined per booking). Random bookings go into PostgreSQL;
 * the SQL must give every one the status the TypeScript gives it.
 */

const { prisma } = await useTestDatabase();
const make = factories(prisma);
const DAY = "2026-06-01";
const START = new Date("2026-06-01T12:00:00.000Z");

const bookingArb = fc.record({
  status: fc.constantFrom<BookingStatus>("ACCEPTED", "ACCEPTED", "PENDING", "AWAITING_HOST", "CANCELLED", "REJECTED"),
  checkout: fc.constantFrom<CheckoutState | null>(null, "ACTIVE", "UNDONE"),
  // Absent, present, or never marked (Cal.com's nullable noShow); none at all is a case of its own.
  attendees: fc.array(fc.constantFrom<boolean | null>(true, false, null), { minLength: 0, maxLength: 4 }),
});

describe("the session status in SQL", () => {
  it("equals lib/status.ts for every random booking", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bookingArb, { minLength: 1, maxLength: 12 }), async (bookings) => {
        const host = await make.user();
        const expected = new Map<number, string>();
        for (const spec of bookings) {
          const booking = await prisma.booking.create({
            data: {
              uid: randomUUID(),
              title: "Property session",
              userId: host.id,
              status: spec.status,
              startTime: START,
              endTime: new Date(START.getTime() + 3_600_000),
              attendees: { create: spec.attendees.map((noShow, i) => ({ email: `p${i}@client.example`, name: `P${i}`, timeZone: "UTC", noShow })) },
            },
          });
          if (spec.checkout) {
            await prisma.app_SessionCheckout_Checkout.create({ data: { bookingId: booking.id, state: spec.checkout, method: "MANUAL", checkedOutAt: START } });
          }
          expected.set(booking.id, deriveSessionStatus({ bookingStatus: spec.status, attendees: spec.attendees.map((noShow) => ({ noShow })), checkoutState: spec.checkout }));
        }
        const sessions = sessionsInRange({ from: DAY, to: DAY, timeZone: "UTC", bucket: "day" }, Prisma.sql`b."userId" = ${host.id}`);
        const rows = await prisma.$queryRaw<Array<{ id: number; status: string }>>`WITH ${sessions} SELECT "id", status FROM sessions`;
        expect(new Map(rows.map((row) => [row.id, row.status]))).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
