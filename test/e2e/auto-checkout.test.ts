import { describe, expect, it } from "vitest";

import { AUTO_CHECKOUT_SHOWCASE_PREFIX } from "@calcom/app-store/session-checkout/lib/demo/seed-demo";

import { screenshot } from "./browser";
import { openSession, pageAs, useServedApp } from "./session-fixtures";

const app = useServedApp();
const { baseUrl, prisma } = app;

describe("auto-checkout in the running product (embedded runner, no Inngest)", () => {
  it("the demo's showcase falls due after the server started and turns Completed by itself: calendar and History say Auto-checkout", async () => {
    const booking = await prisma.booking.findFirstOrThrow({ where: { uid: { startsWith: AUTO_CHECKOUT_SHOWCASE_PREFIX } } });
    const settings = await prisma.app_SessionCheckout_Settings.findUniqueOrThrow({ where: { userId: booking.userId! } });
    const dueAt = new Date(booking.endTime.getTime() + settings.autoCheckoutDelayMinutes * 60_000);

    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { date: booking.startTime });
    const event = page.locator(".fc-event", { hasText: "Olivia Auto" });
    // Nobody touches it: the web app's own runner checks it out when it falls due.
    const deadline = Date.now() + 150_000;
    while (!(await event.textContent())?.includes("Completed")) {
      expect(Date.now(), "the session was not auto-checked out within 150 s").toBeLessThan(deadline);
      await page.waitForTimeout(2_000);
      await page.reload();
      await event.waitFor();
    }
    await screenshot(page, "calendar-auto-checkout");

    const checkout = await prisma.app_SessionCheckout_Checkout.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(checkout).toMatchObject({ state: "ACTIVE", method: "AUTO", checkedOutById: null });
    // Never early; at most a minute late (the sleeping run wakes at the due time).
    expect(checkout.checkedOutAt.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(checkout.checkedOutAt.getTime() - dueAt.getTime()).toBeLessThanOrEqual(60_000);

    const dialog = await openSession(page, "Olivia Auto", booking.title);
    await dialog.getByRole("tab", { name: "History" }).click();
    const history = dialog.getByRole("list", { name: "History" });
    await history.waitFor();
    // The checkout, and (Dana sends surveys) the survey it sent once it went out: the same effects as a manual checkout.
    const lines = (await history.getByRole("listitem").allTextContents()).map((line) => line.split(" · ")[0]);
    expect(lines.at(-1)).toBe("Checked out by Auto-checkout");
    expect(lines.slice(0, -1).every((line) => line === "Survey sent by System")).toBe(true);
    await screenshot(page, "dialog-history-auto-checkout");
  });
});
