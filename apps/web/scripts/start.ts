import { getPrisma } from "@calcom/prisma";

import { openDatabase } from "./database";
import { startMailCatcher } from "./mail-catcher";
import { seedDemo, seedLiveShowcase } from "./seed-demo";
import { buildWebApp, sessionSecret, startWebApp, surveyLinkSecret, webConcurrency } from "./serve";

/*
 * Runs the product on this machine: the database (embedded unless DATABASE_URL is set),
 * migrations, demo data, then the web app, and prints where to sign in and with what.
 */
const port = Number(process.env.PORT ?? 3000);
const url = process.env.NEXT_PUBLIC_WEBAPP_URL ?? `http://localhost:${port}`;
const database = await openDatabase();
const prisma = getPrisma();
const { demo, password, statusCounts } = await seedDemo(prisma);
const bookings = await prisma.booking.count();

// No SMTP server configured: survey emails go over real SMTP to a local mail catcher with a web inbox.
const mailCatcher = process.env.EMAIL_SERVER_HOST ? null : await startMailCatcher();
const env = {
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: sessionSecret(),
  SESSION_CHECKOUT_SURVEY_SECRET: surveyLinkSecret(),
  NEXTAUTH_URL: url,
  NEXT_PUBLIC_WEBAPP_URL: url,
  ...(mailCatcher ? { EMAIL_SERVER_HOST: "127.0.0.1", EMAIL_SERVER_PORT: String(mailCatcher.smtpPort), EMAIL_SERVER_USER: "", EMAIL_SERVER_PASSWORD: "" } : {}),
};
// The build does not touch the database, so this process keeps its connection meanwhile: the embedded
// database serves one, and a reconnect right after letting it go was refused.
if (process.env.SKIP_WEB_BUILD !== "1") await buildWebApp(env);
// Made after the build, so it falls due a minute after the web app starts.
const showcase = await seedLiveShowcase(prisma, 75);
// Hand the one connection over to the web app.
await prisma.$disconnect();
// The embedded database serves one connection: one web process. On PostgreSQL, WEB_CONCURRENCY sets how many.
if (database.embedded && webConcurrency() > 1) console.log("WEB_CONCURRENCY is ignored on the embedded database (it serves one connection): one web process.");
const web = await startWebApp(env, port, [], database.embedded ? 1 : webConcurrency());

console.log(`\nSession Checkout is running at ${url} on ${database.embedded ? "the embedded database (.data/pglite)" : "DATABASE_URL"}.`);
console.log(`\nSign in with (password for all: ${password}):`);
for (const [role, user] of [
  ["host; the demo starts her with surveys and auto-checkout on", demo.users.dana],
  ["host", demo.users.sam],
  ["team admin", demo.users.alex],
  ["team member, not admin; app not installed", demo.users.morgan],
] as const) {
  console.log(`  ${user.email.padEnd(22)} ${user.name} (${role})`);
}
console.log(`\n${bookings} bookings. Sessions of the demo hosts by status:`);
for (const [status, count] of Object.entries(statusCounts)) console.log(`  ${status.padEnd(10)} ${count}`);
if (showcase) {
  const local = showcase.dueAt.toLocaleTimeString("en-GB", { timeZone: showcase.hostTimeZone });
  console.log(
    `\nAuto-checkout, live: "${showcase.title}" falls due at ${local} (${showcase.hostTimeZone}, Dana's time zone). Sign in as Dana and keep the calendar open: it turns Completed by itself, and its History says "Auto-checkout".`,
  );
}
console.log(
  mailCatcher
    ? `\nEmails (satisfaction surveys) are caught locally: read them at ${mailCatcher.inboxUrl} (set EMAIL_SERVER_HOST to send through your SMTP server).`
    : `\nEmails go through ${process.env.EMAIL_SERVER_HOST}.`,
);
console.log("\nPress Ctrl+C to stop.");

const stop = async () => {
  web.kill("SIGTERM");
  await mailCatcher?.stop();
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
web.on("exit", (code) => {
  console.error(`The web app stopped (code ${code}).`);
  void database.stop().then(() => process.exit(code ?? 1));
});
