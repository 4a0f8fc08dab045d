import { createPrismaClient } from "@calcom/prisma";
import { startEmbeddedDatabase } from "@calcom/prisma/embedded";
import { migrateDatabase } from "@calcom/prisma/migrate";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "session-checkout-pglite-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the embedded database (no DATABASE_URL)", () => {
  it("serves PGlite over a local port, takes the migrations, and keeps its data across restarts", async () => {
    const first = await startEmbeddedDatabase({ dataDir });
    expect(first.url).toMatch(/^postgresql:\/\/.+@127\.0\.0\.1:\d+\//);
    await migrateDatabase(first.url);
    const prisma = createPrismaClient({ databaseUrl: first.url });
    const host = await prisma.user.create({ data: { email: "embedded@test.example", name: "Embedded" } });
    await prisma.app_SessionCheckout_Settings.create({ data: { userId: host.id, surveysEnabled: true } });
    // The app's CHECK constraints hold here too.
    await expect(prisma.app_SessionCheckout_Settings.update({ where: { userId: host.id }, data: { autoCheckoutDelayMinutes: 45 } })).rejects.toThrow();
    await prisma.$disconnect();
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir });
    await migrateDatabase(second.url); // already applied: a no-op
    const again = createPrismaClient({ databaseUrl: second.url });
    expect(await again.app_SessionCheckout_Settings.findUnique({ where: { userId: host.id } })).toMatchObject({ surveysEnabled: true });
    await again.$disconnect();
    await second.stop();
  }, 120_000);
});
