import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";

import { screenshot, signIn } from "./browser";
import { dayIn, sessionFor, useServedApp } from "./session-fixtures";

/*
 * Every screen a host sees, at a laptop's 1440×900 and a 390-wide phone, as the first view a person
 * gets (test-results/e2e/screens/): to be looked at. What can be checked is: nothing on a phone makes
 * the whole page scroll sideways (wide tables scroll within themselves).
 */

const app = useServedApp();
const { baseUrl, prisma } = app;

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

interface Screen {
  name: string;
  path: string;
  /** What shows once the screen has loaded. */
  ready: (page: Page) => Promise<unknown>;
  /** A step after loading (opening a dialog). */
  then?: (page: Page) => Promise<unknown>;
}

describe("every screen, on a laptop and on a phone", () => {
  it("loads, fits the phone's width, and is photographed", async () => {
    const booking = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Sofia Screens" });
    const day = dayIn(booking.startTime, "Europe/Paris");
    const screens: Screen[] = [
      { name: "calendar", path: `/calendar?date=${day}`, ready: (page) => page.locator(".fc-event").first().waitFor() },
      {
        name: "calendar-dialog",
        path: `/calendar?date=${day}&booking=${booking.id}`,
        ready: (page) => page.getByRole("dialog", { name: booking.title }).getByRole("tab", { name: "Checkout" }).waitFor(),
      },
      { name: "sessions", path: "/apps/session-checkout/sessions?tab=all", ready: (page) => page.getByRole("button", { name: /^Check out / }).first().waitFor() },
      {
        name: "sessions-dialog",
        path: "/apps/session-checkout/sessions?q=sofia",
        ready: (page) => page.getByText("Sofia Screens").filter({ visible: true }).first().waitFor(),
        then: (page) => page.getByRole("button", { name: /^\w{3}, \d+ \w{3} \d{4}, \d{2}:\d{2}$/ }).click().then(() => page.getByRole("dialog").getByRole("tab", { name: "Checkout" }).waitFor()),
      },
      { name: "client-history", path: "/apps/session-checkout/clients/priya%40client.example", ready: (page) => page.getByRole("heading", { name: /Session history/ }).waitFor() },
      { name: "reports", path: "/apps/session-checkout/reports?range=last-30-days", ready: (page) => page.locator(".recharts-bar-rectangle path").first().waitFor() },
      { name: "settings", path: "/settings/calendar/general", ready: (page) => page.getByRole("switch", { name: "Enable Auto-Checkout" }).waitFor() },
      { name: "app-store", path: "/apps", ready: (page) => page.getByRole("button", { name: "Uninstall Session Checkout" }).waitFor() },
    ];

    const tooWide: string[] = [];
    for (const viewport of VIEWPORTS) {
      const context = await app.browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/calendar`);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      await screenshot(page, `screens/sign-in-${viewport.name}`, { fullPage: false });
      await signIn(page, baseUrl, "dana@example.com", "/settings/calendar/general");
      for (const screen of screens) {
        await page.goto(`${baseUrl}${screen.path}`);
        await screen.ready(page);
        await screen.then?.(page);
        // Let fonts, charts and the calendar's scroll settle before the picture.
        await page.waitForTimeout(300);
        await screenshot(page, `screens/${screen.name}-${viewport.name}`, { fullPage: false });
        const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
        if (widths.page > widths.window) {
          // Name the outermost elements that stick out, so the message says where to look.
          const culprits = await page.evaluate(() =>
            Array.from(document.querySelectorAll("body *"))
              .filter((el) => {
                const sticksOut = (node: Element | null) => node !== null && node.getBoundingClientRect().right > window.innerWidth + 1;
                // Inside a scrolling box it is that box's to scroll, unless it is positioned out of it (an absolute
                // element escapes a scroll box that is not its containing block).
                let scrolled = false;
                for (let up = el.parentElement; up; up = up.parentElement) if (getComputedStyle(up).overflowX !== "visible") scrolled = true;
                const escapes = getComputedStyle(el).position === "absolute" || getComputedStyle(el).position === "fixed";
                return (escapes || !scrolled) && sticksOut(el) && !sticksOut(el.parentElement);
              })
              .slice(0, 3)
              .map((el) => `${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ").slice(0, 3).join(".")}`),
          );
          tooWide.push(`${screen.name} (${viewport.name}): ${widths.page}px in a ${widths.window}px window, from ${culprits.join(", ")}`);
        }
      }
      await context.close();
    }
    expect(tooWide).toEqual([]);
  }, 180_000);
});
