/*
 * Calendar performance in headless Chromium, against baselines measured in the same run:
 *   render: the week view with 300 sessions vs an empty week (navigation until every event is drawn);
 *   dialog: opening a session's dialog on the 300-session week vs on a week with one session.
 * Run with `npm run bench` (builds the web app unless SKIP_WEB_BUILD=1). Reports medians and ratios;
 * it asserts nothing: these machines are shared and noisy, so the ratio is the figure to compare.
 */
import bcrypt from "bcryptjs";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";

import { createPrismaClient } from "@calcom/prisma";

import { buildWebApp, startWebApp } from "../../apps/web/scripts/serve";
import { DEMO_PASSWORD, launchChromium, signIn } from "../e2e/browser";
import setupTemplate from "../support/global-setup";
import { databaseUrl, templateDatabaseName, withAdminClient } from "../support/postgres";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SESSIONS = 300;
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const TIME_ZONE = "UTC";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function seedHosts(url: string) {
  const prisma = createPrismaClient({ databaseUrl: url });
  const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
  await prisma.app.create({ data: { slug: "session-checkout", dirName: "session-checkout", categories: ["other"], enabled: true } });
  const monday = new Date();
  monday.setUTCHours(0, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const hosts: Record<string, string> = {};
  for (const [key, count] of [["empty", 0], ["single", 1], ["busy", SESSIONS]] as const) {
    const email = `bench-${key}@bench.example`;
    const user = await prisma.user.create({ data: { email, name: `Bench ${key}`, timeZone: TIME_ZONE, password: { create: { hash } } } });
    await prisma.credential.create({ data: { type: "session-checkout_other", key: {}, userId: user.id, appId: "session-checkout" } });
    const eventType = await prisma.eventType.create({ data: { title: "Session", slug: `session-${key}`, length: 45, price: 5000, currency: "eur", userId: user.id } });
    for (let i = 0; i < count; i++) {
      // Spread over the week, 08:00–20:00, overlapping as a busy practice's would.
      const start = new Date(monday.getTime() + (i % 7) * 86_400_000 + (8 * 60 + ((i * 17) % (12 * 60))) * 60_000);
      await prisma.booking.create({
        data: {
          uid: randomUUID(),
          title: `Session ${i + 1}`,
          userId: user.id,
          eventTypeId: eventType.id,
          startTime: start,
          endTime: new Date(start.getTime() + 45 * 60_000),
          status: i % 10 === 0 ? "PENDING" : "ACCEPTED",
          attendees: { create: [{ name: `Client ${i + 1}`, email: `client${i + 1}@bench.example`, timeZone: TIME_ZONE }] },
        },
      });
    }
    hosts[key] = email;
  }
  await prisma.$disconnect();
  return { hosts, week: monday.toISOString().slice(0, 10) };
}

async function signedInPage(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(page, baseUrl, email);
  return page;
}

/**
 * Navigation until the week's bookings have arrived and all `events` of them are drawn (then one
 * frame). The app's status request that follows is awaited after the clock stops, so the page is
 * settled before anything else is timed on it.
 */
async function timeRender(page: Page, url: string, events: number): Promise<number> {
  const listed = page.waitForResponse((response) => response.url().includes("viewer.bookings.list"));
  const statuses = events > 0 ? page.waitForResponse((response) => response.url().includes("viewer.appSessionCheckout.sessionStatuses")) : null;
  const started = performance.now();
  await page.goto(url);
  await listed;
  await page.waitForFunction((n) => document.querySelector(".fc-timegrid-body") !== null && document.querySelectorAll(".fc-event").length >= n, events, { timeout: 60_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  const elapsed = performance.now() - started;
  await statuses;
  return elapsed;
}

/** From a click on a session to its dialog showing the app's part (the page settled by timeRender). */
async function timeDialog(page: Page): Promise<number> {
  const started = performance.now();
  // With 300 overlapping sessions another event may cover this one: whichever opens, the dialog is what is timed.
  await page.locator(".fc-event").first().click({ force: true });
  // Checked on every animation frame: Playwright's locator waits back off to 500 ms between
  // checks, which once made the figure measure the tool's polling instead of the app.
  await page.waitForFunction(() => document.querySelector('[role="dialog"] .sc-session') !== null, null, { polling: "raf" });
  const elapsed = performance.now() - started;
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "hidden" });
  return elapsed;
}

async function main() {
  await setupTemplate();
  const name = `session_checkout_bench_${randomBytes(3).toString("hex")}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`));
  const url = databaseUrl(name);
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const env = { DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseUrl, NEXT_PUBLIC_WEBAPP_URL: baseUrl };
  let web: Awaited<ReturnType<typeof startWebApp>> | undefined;
  let browser: Browser | undefined;
  try {
    const { hosts, week } = await seedHosts(url);
    if (process.env.SKIP_WEB_BUILD !== "1") await buildWebApp(env);
    web = await startWebApp(env, PORT);
    browser = await launchChromium();
    const calendarUrl = `${baseUrl}/calendar?date=${week}`;
    const pages = { empty: await signedInPage(browser, baseUrl, hosts.empty!), single: await signedInPage(browser, baseUrl, hosts.single!), busy: await signedInPage(browser, baseUrl, hosts.busy!) };
    const samples = { renderEmpty: [] as number[], renderBusy: [] as number[], dialogSingle: [] as number[], dialogBusy: [] as number[] };
    // One warm-up round each, then interleaved runs so drift on the machine hits both sides alike.
    await timeRender(pages.empty, calendarUrl, 0);
    await timeRender(pages.busy, calendarUrl, SESSIONS);
    for (let run = 0; run < RUNS; run++) {
      samples.renderEmpty.push(await timeRender(pages.empty, calendarUrl, 0));
      samples.renderBusy.push(await timeRender(pages.busy, calendarUrl, SESSIONS));
      await timeRender(pages.single, calendarUrl, 1);
      // Alternate which page goes first, so any order effect falls on both sides equally.
      const order = run % 2 === 0 ? (["dialogSingle", "dialogBusy"] as const) : (["dialogBusy", "dialogSingle"] as const);
      for (const key of order) samples[key].push(await timeDialog(key === "dialogSingle" ? pages.single : pages.busy));
    }
    const report = {
      runs: RUNS,
      sessions: SESSIONS,
      medianMs: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, Math.round(median(values))])),
      ratios: {
        renderBusyOverEmpty: +(median(samples.renderBusy) / median(samples.renderEmpty)).toFixed(2),
        dialogBusyOverSingle: +(median(samples.dialogBusy) / median(samples.dialogSingle)).toFixed(2),
      },
    };
    const out = join(import.meta.dirname, "..", "..", "test-results", "bench");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "calendar.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nCalendar week view, ${SESSIONS} sessions vs baseline (median of ${RUNS} runs, headless Chromium):`);
    console.log(`  render:  empty week ${report.medianMs.renderEmpty} ms, ${SESSIONS} sessions ${report.medianMs.renderBusy} ms  -> ratio ${report.ratios.renderBusyOverEmpty}`);
    console.log(`  dialog:  one-session week ${report.medianMs.dialogSingle} ms, ${SESSIONS}-session week ${report.medianMs.dialogBusy} ms  -> ratio ${report.ratios.dialogBusyOverSingle}`);
  } finally {
    await browser?.close();
    web?.kill("SIGTERM");
    await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

await main();
