import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";

import { screenshot } from "./browser";
import { checkOutWith, pageAs, sessionFor, useServedApp } from "./session-fixtures";

const app = useServedApp();
const { baseUrl, prisma } = app;

/** Each tab's name and count, as the tab list reads them ("Awaiting checkout 1"). */
async function tabCounts(page: Page): Promise<Record<string, number>> {
  const tabs = await page.getByRole("tablist", { name: "Status" }).getByRole("tab").allInnerTexts();
  return Object.fromEntries(tabs.map((text) => [text.replace(/\s*[\d,…]+$/, "").trim(), Number(text.match(/([\d,]+)$/)?.[1]?.replace(",", "") ?? NaN)]));
}

async function waitForCounts(page: Page, expected: Record<string, number>) {
  await expect.poll(() => tabCounts(page), { timeout: 15_000 }).toMatchObject(expected);
}

describe("the Sessions page as a host works through it", () => {
  it("tabs with counts, search by client, event type and dates, a row opens its session, a row's own Check Out", async () => {
    const awaiting = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Quinn Awaiting" });
    const done = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Quinn Done", eventTypeSlug: "intro", startTime: new Date(Date.now() - 26 * 3_600_000) });
    await prisma.app_SessionCheckout_Checkout.create({ data: { bookingId: done.id, state: "ACTIVE", method: "MANUAL", checkedOutAt: new Date() } });
    await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Quinn Cancelled", status: "CANCELLED", startTime: new Date(Date.now() - 50 * 3_600_000) });

    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { path: "/apps/session-checkout/sessions" });
    await page.getByRole("heading", { name: "Sessions", exact: true }).waitFor();
    // It opens on what needs doing: sessions awaiting checkout.
    expect(await page.getByRole("tab", { selected: true }).innerText()).toMatch(/^Awaiting checkout/);

    // Search narrows every tab's count to that client, and the address keeps it.
    await page.getByRole("searchbox", { name: "Search clients" }).fill("quinn");
    await waitForCounts(page, { "Awaiting checkout": 1, Completed: 1, "No-show": 0, Cancelled: 1, All: 3 });
    expect(page.url()).toContain("q=quinn");
    expect(await page.getByRole("navigation", { name: "Pages" }).innerText()).toContain("1–1 of 1 session");
    await screenshot(page, "sessions");

    // The event-type filter: the Intro Call holds only Quinn Done.
    await page.getByLabel("Event type").selectOption({ label: "Intro Call" });
    await waitForCounts(page, { "Awaiting checkout": 0, Completed: 1, All: 1 });
    await page.getByRole("heading", { name: "No sessions match “quinn”" }).waitFor();
    await page.getByLabel("Event type").selectOption({ label: "All event types" });
    await waitForCounts(page, { All: 3 });

    // A click on the row opens the session, with the app's actions, as the calendar's dialog does.
    await page.getByRole("row", { name: /Quinn Awaiting/ }).getByRole("cell", { name: "Coaching Session" }).click();
    const dialog = page.getByRole("dialog", { name: awaiting.title });
    await dialog.getByRole("tab", { name: "Checkout" }).waitFor();
    expect(await dialog.getByRole("link", { name: "Open in calendar" }).getAttribute("href")).toBe(`/booking/${awaiting.uid}`);
    await screenshot(page, "sessions-dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    // The row's own Check Out asks first, then the session moves from one tab to the other.
    await checkOutWith(page, page.getByRole("button", { name: /^Check out .*Quinn Awaiting/ }));
    await waitForCounts(page, { "Awaiting checkout": 0, Completed: 2, All: 3 });
    expect(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: awaiting.id } })).toMatchObject({ state: "ACTIVE", method: "MANUAL" });
    await page.getByRole("heading", { name: "No sessions match “quinn”" }).waitFor();

    // Completed, reached from the keyboard as tabs are (arrows): no checkbox to tick and no Check Out on its rows.
    await page.getByRole("tab", { name: /^Awaiting checkout/ }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("tab", { selected: true }).evaluate((tab) => [tab.textContent, tab === document.activeElement])).toEqual([expect.stringMatching(/^Completed/), true]);
    await page.getByRole("row", { name: /Quinn Done/ }).waitFor();
    expect(await page.getByRole("button", { name: /^Check out / }).count()).toBe(0);
    expect(await page.getByRole("row", { name: /Quinn Done/ }).getByRole("checkbox").isDisabled()).toBe(true);
    expect(page.url()).toContain("tab=completed");

    // A range with nothing in it: each tab says what it would hold.
    await page.getByRole("searchbox", { name: "Search clients" }).fill("");
    await page.getByRole("button", { name: "Custom" }).click();
    await page.getByLabel("From", { exact: true }).fill("2020-01-01");
    await page.getByLabel("To", { exact: true }).fill("2020-01-31");
    await page.getByRole("heading", { name: "No completed sessions" }).waitFor();
    await page.getByRole("tab", { name: /^Awaiting checkout/ }).click();
    await page.getByRole("heading", { name: "Nothing awaits checkout" }).waitFor();
    await screenshot(page, "sessions-empty");

    // A reload shows the same list.
    await page.reload();
    await page.getByRole("heading", { name: "Nothing awaits checkout" }).waitFor();
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe("2020-01-01");
    await page.context().close();
  });

  it("a link to a team's sessions, opened by someone who is not its admin, shows their own instead of a dead end", async () => {
    const team = await prisma.team.findFirstOrThrow({ where: { name: "Harbor Wellness Studio" } });
    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { path: `/apps/session-checkout/sessions?team=${team.id}` });
    await page.getByText("Your sessions, by the day they started in Europe/Paris.").waitFor();
    await page.locator(".sc-table tbody tr").first().waitFor();
    expect(page.url()).not.toContain("team=");
    // No refusal shown (Next.js keeps an empty alert region of its own for route announcements).
    expect(await page.getByRole("alert").filter({ hasText: /\S/ }).count()).toBe(0);
    await page.context().close();
  });

  it("pages through a long list: 50 at a time, with the total, Next and Previous", async () => {
    // 53 sessions of Sam's on days the demo leaves empty (a range of their own).
    const sam = await prisma.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
    const first = Date.parse("2021-03-01T14:00:00Z");
    for (let i = 0; i < 53; i++) {
      const startTime = new Date(first + i * 3_600_000 * 5);
      await prisma.booking.create({
        data: {
          uid: `paging-${i}-${startTime.getTime()}`,
          title: `Paging session ${i}`,
          userId: sam.id,
          startTime,
          endTime: new Date(startTime.getTime() + 3_600_000),
          status: "ACCEPTED",
          attendees: { create: { name: `Pia Pager ${i}`, email: `pia${i}@e2e.example`, timeZone: "UTC" } },
        },
      });
    }
    const page = await pageAs(app.browser, baseUrl, "sam@example.com", { path: "/apps/session-checkout/sessions?range=custom&from=2021-03-01&to=2021-03-31&q=pia%20pager" });
    const pager = page.getByRole("navigation", { name: "Pages" });
    await pager.getByText("1–50 of 53 sessions").waitFor();
    expect(await page.locator(".sc-table tbody tr").count()).toBe(50);
    expect(await pager.getByRole("button", { name: "Previous" }).isDisabled()).toBe(true);
    await pager.getByRole("button", { name: "Next" }).click();
    await pager.getByText("51–53 of 53 sessions").waitFor();
    expect(await page.locator(".sc-table tbody tr").count()).toBe(3);
    // Newest first: the last page holds the first three sessions.
    expect(await page.locator(".sc-table tbody tr").last().textContent()).toContain("Pia Pager 0");
    expect(await pager.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    await pager.getByRole("button", { name: "Previous" }).click();
    await pager.getByText("1–50 of 53 sessions").waitFor();
    await page.context().close();
  });

  it("on a phone each session is a card with its status and its own Check Out, nothing off to the side", async () => {
    const booking = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Paz Phone" });
    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { path: "/apps/session-checkout/sessions?q=paz" });
    await page.setViewportSize({ width: 390, height: 844 });
    const checkOut = page.getByRole("button", { name: /^Check out .*Paz Phone/ });
    await checkOut.waitFor();
    const card = page.locator(".sc-cards li", { hasText: "Paz Phone" });
    expect(await card.getByText("Confirmed", { exact: true }).isVisible()).toBe(true);
    for (const part of [checkOut, card.getByText("Confirmed", { exact: true })]) {
      const box = (await part.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "sessions-phone-card");
    // A tap on the card opens the session, as a click on a row does.
    await card.getByText("Paz Phone").click();
    await page.getByRole("dialog", { name: booking.title }).getByRole("tab", { name: "Checkout" }).waitFor();
    await page.context().close();
  });

  it("a team admin sees the team's sessions, with each one's host, and can open them", async () => {
    // Alex has no sessions of his own: the empty list offers his team's at once.
    const page = await pageAs(app.browser, baseUrl, "alex@example.com", { path: "/apps/session-checkout/sessions" });
    await page.getByRole("heading", { name: "Nothing awaits checkout" }).waitFor();
    await page.getByRole("button", { name: "See Harbor Wellness Studio’s sessions" }).click();
    await page.getByText("Harbor Wellness Studio’s sessions").waitFor();
    expect(await page.getByLabel("Sessions", { exact: true }).inputValue()).not.toBe("");
    await page.getByRole("tab", { name: /^All/ }).click();
    const row = page.getByRole("row", { name: /Group Workshop/ }).first();
    await row.waitFor();
    expect(await row.getByRole("cell", { name: "Dana Reyes" }).count()).toBe(1);
    expect((await tabCounts(page)).All).toBeGreaterThan(0);
    expect(page.url()).toMatch(/team=\d+/);
    await screenshot(page, "sessions-team");
    await row.getByRole("cell", { name: "Group Workshop" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("tab", { name: "Checkout" }).waitFor();
    const title = await dialog.getByRole("heading").first().innerText();
    // Cal.com's booking page lets the team's admin in too: the session opens in the calendar.
    await dialog.getByRole("link", { name: "Open in calendar" }).click();
    await page.waitForURL((url) => url.pathname === "/calendar");
    await page.getByRole("dialog", { name: title }).getByRole("tab", { name: "Checkout" }).waitFor();
    await page.context().close();
  });
});
