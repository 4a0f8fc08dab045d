/*
 * One auto-checkout scheduler pass in a process of its own, so a test can kill it half-way.
 * DATABASE_URL: the test's database; PASS_CLOCK_MS: the pass's "now".
 */
import { runSchedulerPass } from "@calcom/app-store/session-checkout/jobs/auto-checkout";
import { immediateStep } from "@calcom/app-store/session-checkout/jobs/immediate-step";
import { createPrismaClient } from "@calcom/prisma";

const db = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, maxConnections: 2 });
const now = new Date(Number(process.env.PASS_CLOCK_MS));
const summary = await runSchedulerPass({ db, step: immediateStep, clock: () => now });
console.log(JSON.stringify(summary));
await db.$disconnect();
