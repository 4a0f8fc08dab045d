import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { formatDayRange, presetRange, todayIn, type DayRange } from "@calcom/app-store/session-checkout/components/reports/report-ranges";
import { sessionSnapshotSelect, snapshotOf } from "@calcom/app-store/session-checkout/lib/services/session-snapshot";
import { sessionStatusOf } from "@calcom/app-store/session-checkout/lib/transitions";

import { screenshot } from "./browser";
import { dayIn, pageAs, sessionFor, useServedApp } from "./session-fixtures";

const app = useServedApp();
const { baseUrl, prisma } = app;
const ZONE = "Europe/Paris";
const DAY_MS = 86_400_000;

type Kpis = { Completed: string; "No-shows": string; Cancelled: string; "Awaiting checkout": string };

/** What the database says about Dana's sessions that started in `range` (days in her zone), counted by the app's status rule. */
async function kpisFromDatabase(range: DayRange, eventTypeTitle?: string): Promise<Kpis> {
  const dana = await prisma.user.findUniqueOrThrow({ where: { email: "dana@example.com" } });
  const rows = await prisma.booking.findMany({
    where: {
      userId: dana.id,
      // A day either side in UTC, then the exact days in her zone below.
      startTime: { gte: new Date(Date.parse(`${range.from}T00:00:00Z`) - DAY_MS), lt: new Date(Date.parse(`${range.to}T00:00:00Z`) + 2 * DAY_MS) },
      ...(eventTypeTitle ? { eventType: { title: eventTypeTitle } } : {}),
      // A booking a reschedule replaced is no session (the calendar's drags make some).
      OR: [{ rescheduled: null }, { rescheduled: false }],
    },
    select: { ...sessionSnapshotSelect, endTime: true },
  });
  const now = new Date();
  const inRange = rows.filter((row) => dayIn(row.startTime, ZONE) >= range.from && dayIn(row.startTime, ZONE) <= range.to);
  const count = (test: (row: (typeof inRange)[number]) => boolean) => String(inRange.filter(test).length);
  const status = (row: (typeof inRange)[number]) => sessionStatusOf(snapshotOf(row));
  return {
    Completed: count((row) => status(row) === "COMPLETED"),
    "No-shows": count((row) => status(row) === "NO_SHOW"),
    Cancelled: count((row) => status(row) === "CANCELLED"),
    "Awaiting checkout": count((row) => status(row) === "CONFIRMED" && row.endTime <= now),
  };
}

async function kpisOnPage(page: Page): Promise<Kpis> {
  const value = (label: keyof Kpis) => page.getByRole("group", { name: label, exact: true }).locator(".sc-kpi-value").innerText();
  return { Completed: await value("Completed"), "No-shows": await value("No-shows"), Cancelled: await value("Cancelled"), "Awaiting checkout": await value("Awaiting checkout") };
}

async function showsRange(page: Page, range: DayRange) {
  await page.locator(".sc-range-label strong", { hasText: formatDayRange(range) }).waitFor();
  await page.locator(".sc-report:not(.sc-updating)").waitFor();
}

/**
 * The cards equal the database. Auto-checkout runs in the served app, so a session can change
 * between two reads: compare only when the database read the same before and after the page.
 */
async function expectKpisMatchDatabase(page: Page, range: DayRange, eventTypeTitle?: string) {
  for (let attempt = 1; ; attempt++) {
    const before = await kpisFromDatabase(range, eventTypeTitle);
    // The filters live in the address: a reload asks for the same report, now.
    await page.reload();
    await showsRange(page, range);
    const shown = await kpisOnPage(page);
    const after = await kpisFromDatabase(range, eventTypeTitle);
    if (JSON.stringify(before) === JSON.stringify(after) || attempt === 3) {
      expect(shown).toEqual(after);
      return after;
    }
  }
}

describe("Reports in the browser", () => {
  it("opens from the navigation, matches the database per preset and event type, shows an empty range, and exports CSV", async () => {
    const booking = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Rita Report" });
    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { path: "/calendar" });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await page.waitForURL("**/apps/session-checkout/reports");
    await page.getByRole("heading", { name: "Reports" }).waitFor();

    // Opened on last week (Monday's review), read in Dana's zone.
    const today = todayIn(ZONE);
    const lastWeek = presetRange("last-week", today);
    expect(await page.getByRole("button", { name: "Last week" }).getAttribute("aria-pressed")).toBe("true");
    await showsRange(page, lastWeek);
    await expectKpisMatchDatabase(page, lastWeek);
    await screenshot(page, "reports-last-week");

    const last30 = presetRange("last-30-days", today);
    await page.getByRole("button", { name: "Last 30 days" }).click();
    await showsRange(page, last30);
    const figures = await expectKpisMatchDatabase(page, last30);
    expect(Number(figures["Awaiting checkout"])).toBeGreaterThan(0);
    await page.getByRole("figure", { name: "Sessions per day" }).locator(".recharts-bar-rectangle path").first().waitFor();
    expect(await page.getByRole("table", { name: "By event type" }).getByRole("rowheader").allInnerTexts()).toEqual(expect.arrayContaining(["Coaching Session", "Intro Call"]));
    await screenshot(page, "reports-last-30-days");

    await page.getByLabel("Event type").selectOption({ label: "Coaching Session" });
    await page.getByRole("table", { name: "By event type" }).getByRole("rowheader").filter({ hasText: "Intro Call" }).waitFor({ state: "detached" });
    expect(page.url()).toMatch(/\?range=last-30-days&eventType=\d+$/);
    await expectKpisMatchDatabase(page, last30, "Coaching Session");
    await page.getByLabel("Event type").selectOption({ label: "All event types" });

    // A range with no sessions says so instead of showing zeros.
    await page.getByRole("button", { name: "Custom" }).click();
    await page.getByLabel("From").fill("2020-01-01");
    await page.getByLabel("To").fill("2020-01-31");
    await page.getByRole("heading", { name: "No sessions in this range" }).waitFor();
    expect(await page.getByRole("group", { name: "Completed" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Export CSV" }).isDisabled()).toBe(true);
    await screenshot(page, "reports-empty");

    // The CSV of the last 30 days: a header, and the session made above as a row in Dana's zone.
    await page.getByRole("button", { name: "Last 30 days" }).click();
    await showsRange(page, last30);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`sessions-${last30.from}-to-${last30.to}.csv`);
    const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(`Booking,Start (${ZONE}),End,Session,Event type,Host,Status,Attendees,Ratings,Collected,Refunded,"List value, unpaid"`);
    const local = (at: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(at);
    const status = booking.endTime <= new Date() ? "Awaiting checkout" : "Confirmed";
    expect(lines).toContain(`${booking.id},${local(booking.startTime)},${local(booking.endTime)},${booking.title},Coaching Session,Dana Reyes,${status},Rita Report <rita@e2e.example>,,,,`);
    await page.getByRole("status").filter({ hasText: /^Exported \d+ sessions\.$/ }).waitFor();

    // Awaiting checkout leads to exactly those sessions.
    const awaiting = Number((await kpisOnPage(page))["Awaiting checkout"]);
    await page.getByRole("link", { name: "Review them →" }).click();
    await page.getByRole("tab", { name: /^Awaiting checkout/, selected: true }).waitFor();
    // The same preset on the Sessions page (its default: nothing in the address), not two custom dates.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/apps/session-checkout/sessions");
    expect(await page.getByRole("button", { name: "Last 30 days" }).getAttribute("aria-pressed")).toBe("true");
    await page.getByRole("checkbox", { name: /Rita Report/ }).waitFor();
    expect(await page.locator(".sc-table tbody tr").count()).toBe(awaiting);
    expect(new Set(await page.locator(".sc-table tbody .cal-badge").allInnerTexts())).toEqual(new Set(["Confirmed"]));
    await screenshot(page, "sessions-awaiting");
    await page.context().close();
  });

  it("a report that fails to load says so, keeps the filters, and Retry loads it", async () => {
    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { path: "/calendar" });
    // The report's own request fails (the network, not the data) until Retry.
    let failing = true;
    await page.route(/appSessionCheckout\.reports(?:[,?]|$)/, (route) => (failing ? route.abort("connectionfailed") : route.continue()));
    await page.goto(`${baseUrl}/apps/session-checkout/reports?range=last-30-days`);
    const problem = page.getByRole("alert").filter({ hasText: "Could not load the report" });
    await problem.waitFor();
    // The page stays: the filters are there to change, no figures pretend to be data.
    expect(await page.getByRole("button", { name: "Last 30 days" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("group", { name: "Completed" }).count()).toBe(0);
    expect(await problem.innerText()).toContain("Could not reach the server. Check your connection, then try again.");
    await screenshot(page, "reports-error");

    failing = false;
    await problem.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("group", { name: "Completed" }).waitFor();
    expect(await problem.count()).toBe(0);
    await page.context().close();
  });

  it("a team admin switches to the team and sees each member", async () => {
    const page = await pageAs(app.browser, baseUrl, "alex@example.com", { path: "/apps/session-checkout/reports" });
    const scope = page.getByLabel("Sessions", { exact: true });
    await scope.waitFor();
    expect(await scope.locator("option").allInnerTexts()).toEqual(["My sessions", "Harbor Wellness Studio"]);
    await page.getByRole("button", { name: "Last 30 days" }).click();
    await page.getByRole("heading", { name: "No sessions in this range" }).waitFor();
    await scope.selectOption({ label: "Harbor Wellness Studio" });
    const members = page.getByRole("table", { name: "By member" });
    await members.getByRole("rowheader", { name: "Dana Reyes" }).waitFor();
    expect(await page.getByRole("table", { name: "By event type" }).getByRole("rowheader").allInnerTexts()).toEqual(["Group Workshop"]);
    await screenshot(page, "reports-team");

    // Dana is a plain member: no team to switch to.
    const dana = await pageAs(app.browser, baseUrl, "dana@example.com", { path: "/apps/session-checkout/reports" });
    await dana.getByRole("group", { name: "Completed" }).waitFor();
    expect(await dana.getByLabel("Sessions", { exact: true }).count()).toBe(0);
    await dana.context().close();
    await page.context().close();
  });
});
