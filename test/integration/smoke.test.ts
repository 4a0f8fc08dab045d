import { describe, expect, it } from "vitest";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

describe("checkout through tRPC", () => {
  it("checks out a confirmed session that has started", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id });
    const result = await callerFor(prisma, host).checkout({ bookingId: booking.id });
    expect(result).toMatchObject({ bookingId: booking.id, status: "COMPLETED", surveysQueued: 0 });
    const session = await callerFor(prisma, host).getSession({ bookingId: booking.id });
    expect(session.status).toBe("COMPLETED");
    expect(session.history).toHaveLength(1);
  });
});
