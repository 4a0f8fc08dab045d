import { PrismaClient } from "@calcom/prisma";
import { PrismaPg } from "@prisma/adapter-pg";
import { findDueSessions } from "@calcom/app-store/session-checkout/lib/services/due-sessions";
import { autoCheckoutSessions } from "@calcom/app-store/session-checkout/lib/services/auto-checkout-batch";
import { databaseUrl } from "../support/postgres";
const url = databaseUrl("scratch_ac_small");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: "event", level: "query" }] });
let t0 = performance.now();
const ev: string[] = [];
db.$on("query", (e) => ev.push(`${(performance.now() - t0).toFixed(1)} end, dur ${e.duration.toFixed(1)}: ${e.query.slice(0, 90).replace(/\s+/g, " ")} [${e.query.length} chars]`));
const clock = () => new Date("2026-03-02T12:01:00Z");
for (let i = 0; i < 3; i++) {
  const due = await findDueSessions(db, { dueBy: clock(), limit: 500 });
  t0 = performance.now(); ev.length = 0;
  const out = await autoCheckoutSessions(db, due.map((d) => d.bookingId), clock);
  console.log(`batch ${i}: ${out.checkedOut.length} in ${(performance.now() - t0).toFixed(1)} ms`);
  console.log(ev.join("\n"));
}
await db.$disconnect();
