import { getPrisma } from "@calcom/prisma";

import { openDatabase } from "./database";
import { seedDemo } from "./seed-demo";

/*
 * Runs the product on this machine: the database (embedded unless DATABASE_URL is set),
 * migrations, demo data, and the accounts to sign in with.
 */
const database = await openDatabase();
const prisma = getPrisma();
try {
  const { demo, password, statusCounts } = await seedDemo(prisma);
  const bookings = await prisma.booking.count();
  console.log(`\nSession Checkout is ready on ${database.embedded ? "the embedded database (.data/pglite)" : "DATABASE_URL"}.`);
  console.log(`\nSign-in accounts (password for all: ${password}):`);
  for (const [role, user] of [
    ["host, surveys and auto-checkout on", demo.users.dana],
    ["host", demo.users.sam],
    ["team admin", demo.users.alex],
    ["team member, not admin", demo.users.morgan],
  ] as const) {
    console.log(`  ${user.email.padEnd(22)} ${user.name} (${role})`);
  }
  console.log(`\n${bookings} bookings. Sessions of the demo hosts by status:`);
  for (const [status, count] of Object.entries(statusCounts)) console.log(`  ${status.padEnd(10)} ${count}`);
} finally {
  await prisma.$disconnect();
  await database.stop();
}
