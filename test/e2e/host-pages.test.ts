import { describe, expect, it } from "vitest";

import { screenshot } from "./browser";
import { checkOutWith, confirmAction, openSession, pageAs, sessionFor, useServedApp } from "./session-fixtures";

const app = useServedApp();
const { baseUrl, prisma } = app;

describe("settings, client history, bulk checkout and the App Store in the browser", () => {
  it("Settings > Calendar > General: auto-checkout and surveys survive a reload", async () => {
    const page = await pageAs(app.browser, baseUrl, "sam@example.com", { path: "/settings/calendar/general" });
    const autoCheckout = page.getByRole("switch", { name: "Enable Auto-Checkout" });
    expect(await autoCheckout.isChecked()).toBe(false);
    // Beside Save, while the form differs from what is saved (a switch turned on and off again is no change).
    const unsaved = page.getByRole("status").filter({ hasText: "Unsaved changes" });
    expect(await unsaved.count()).toBe(0);
    await autoCheckout.check();
    await unsaved.waitFor();
    await autoCheckout.uncheck();
    await unsaved.waitFor({ state: "detached" });
    await autoCheckout.check();
    await page.getByLabel("Check out after the session ends").selectOption("240");
    // Leaving through the host's navigation asks first; staying keeps the changes.
    const asked = new Promise<string>((resolve) => page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.message()))));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
    expect(await asked).toBe("You have unsaved changes to Session Checkout settings. Leave this page and lose them?");
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe("/settings/calendar/general");
    expect(await page.getByLabel("Check out after the session ends").inputValue()).toBe("240");
    await unsaved.waitFor();
    await screenshot(page, "settings-unsaved");
    await page.getByText("Best for: End-of-day batch processing.").waitFor();
    await page.getByRole("switch", { name: "Send satisfaction surveys" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved.").waitFor();
    await unsaved.waitFor({ state: "detached" });
    await screenshot(page, "settings");

    await page.reload();
    await page.getByRole("switch", { name: "Enable Auto-Checkout" }).waitFor();
    expect(await page.getByRole("switch", { name: "Enable Auto-Checkout" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Check out after the session ends").inputValue()).toBe("240");
    expect(await page.getByRole("switch", { name: "Send satisfaction surveys" }).isChecked()).toBe(true);
    const sam = await prisma.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
    expect(await prisma.app_SessionCheckout_Settings.findUnique({ where: { userId: sam.id } })).toMatchObject({ autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 240, surveysEnabled: true });
    // Closing the tab with a change not saved: the browser asks first.
    await page.getByRole("switch", { name: "Send satisfaction surveys" }).uncheck();
    await unsaved.waitFor();
    const beforeUnload = new Promise<string>((resolve) => page.once("dialog", (dialog) => void dialog.accept().then(() => resolve(dialog.type()))));
    await page.close({ runBeforeUnload: true });
    expect(await beforeUnload).toBe("beforeunload");
    await page.context().close();
  });

  it("the client's session history reflects a checkout", async () => {
    const booking = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Hugo History" });
    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { path: "/apps/session-checkout/clients/hugo%40e2e.example" });
    await page.getByRole("heading", { name: "Session history: Hugo History" }).waitFor();
    const totals = page.getByRole("definition");
    expect(await totals.allTextContents()).toEqual(["1", "0", "0", "0"]);

    await page.goto(`${baseUrl}/calendar?date=${new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(booking.startTime)}`);
    const dialog = await openSession(page, "Hugo History", booking.title);
    await checkOutWith(page, dialog.getByRole("button", { name: "Check Out" }));
    // The app's part names each client once, as a link to their history (no second list of addresses).
    const clients = dialog.getByRole("list", { name: "Client history" });
    expect(await clients.textContent()).toBe("Hugo History");
    await clients.getByRole("link", { name: "Hugo History" }).click();
    await page.waitForURL("**/apps/session-checkout/clients/hugo%40e2e.example");
    await page.getByRole("cell", { name: "Completed" }).waitFor();
    expect(await page.getByRole("definition").allTextContents()).toEqual(["1", "1", "0", "0"]);
    await screenshot(page, "client-history");
    // A session in the history opens, with its actions, notes and History.
    // A click anywhere on the row, as on the Sessions page.
    await page.getByRole("row", { name: /Completed/ }).getByRole("cell", { name: "Coaching Session" }).click();
    await page.getByRole("dialog", { name: booking.title }).getByRole("button", { name: "Undo Checkout" }).waitFor();
    await page.keyboard.press("Escape");
    await page.context().close();
  });

  it("bulk checkout offers only sessions that can be checked out, says why the others cannot, and checks the chosen ones out", async () => {
    const confirmed = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Bea Bulk" });
    const pending = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Pat Pending", status: "PENDING" });
    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { path: "/apps/session-checkout/sessions?tab=all" });
    await page.getByRole("heading", { name: "Sessions", exact: true }).waitFor();
    // The Pending session cannot be selected, and says why (the rules' own words).
    const pendingBox = page.getByRole("checkbox", { name: /Pat Pending/ });
    expect(await pendingBox.isDisabled()).toBe(true);
    expect(await pendingBox.getAttribute("title")).toBe("Only confirmed sessions can be checked out. This session is Pending.");
    await page.getByRole("checkbox", { name: /Bea Bulk/ }).check();
    await page.getByRole("button", { name: "Check Out selected" }).click();
    await confirmAction(page, "Check out 1 session?", "Check Out");
    const result = page.getByRole("status", { name: "Bulk checkout result" });
    await result.waitFor();
    const text = await result.textContent();
    expect(text).toContain("1 checked out, 0 refused.");
    expect(text).toMatch(/Bea Bulk: checked out \(Completed\)/);
    await screenshot(page, "bulk-checkout");
    expect(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: confirmed.id } })).toMatchObject({ state: "ACTIVE", method: "BULK" });
    expect(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: pending.id } })).toBeNull();
    // Checked out now, it can no longer be selected either.
    await page.getByRole("checkbox", { name: /Bea Bulk/ }).and(page.locator(":disabled")).waitFor();
    // A row opens its session (the date is the keyboard's way to it).
    await page.getByRole("row", { name: /Bea Bulk/ }).getByRole("button", { name: /^\w{3}, \d+ \w{3} \d{4}, \d{2}:\d{2}$/ }).click();
    await page.getByRole("dialog", { name: confirmed.title }).getByRole("tab", { name: "Checkout" }).waitFor();
    await page.context().close();
  });

  it("uninstalling the app takes its actions away; installing it again brings them back", async () => {
    const booking = await sessionFor(prisma, { hostEmail: "sam@example.com", clientName: "Una Install", eventTypeSlug: "tutoring" });
    const page = await pageAs(app.browser, baseUrl, "sam@example.com", { path: "/apps" });
    // Uninstalling asks first, saying what leaves and what stays; Cancel leaves it installed.
    await page.getByRole("button", { name: "Uninstall Session Checkout" }).click();
    const confirmUninstall = page.getByRole("dialog", { name: "Uninstall Session Checkout?" });
    expect(await confirmUninstall.textContent()).toContain("What it recorded — checkouts, notes, history — is kept.");
    await confirmUninstall.getByRole("button", { name: "Cancel" }).click();
    await confirmUninstall.waitFor({ state: "detached" });
    expect(await prisma.credential.count({ where: { user: { email: "sam@example.com" }, appId: "session-checkout" } })).toBe(1);
    await page.getByRole("button", { name: "Uninstall Session Checkout" }).click();
    await confirmAction(page, "Uninstall Session Checkout?", "Uninstall");
    await page.getByRole("button", { name: "Install Session Checkout" }).waitFor();
    // The app's pages leave the navigation at once, without a reload.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).waitFor({ state: "detached" });
    await screenshot(page, "app-store");

    await page.goto(`${baseUrl}/calendar?date=${new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(booking.startTime)}`);
    // Uninstalled, the dialog never even asks the app: no request to it, none of its actions.
    const appRequests: string[] = [];
    page.on("request", (request) => request.url().includes("appSessionCheckout.getSession") && appRequests.push(request.url()));
    let dialog = await openSession(page, "Una Install", booking.title);
    await dialog.getByText("Attendees").waitFor();
    await page.waitForTimeout(1_500);
    expect(appRequests).toEqual([]);
    expect(await dialog.getByRole("tab", { name: "Checkout" }).count()).toBe(0);
    expect(await dialog.getByRole("button", { name: "Check Out" }).count()).toBe(0);
    await page.keyboard.press("Escape");

    await page.goto(`${baseUrl}/settings/calendar/general`);
    await page.getByText("Session Checkout is not installed for your account.").waitFor();
    await page.getByRole("button", { name: "Install Session Checkout" }).click();
    await page.getByRole("switch", { name: "Enable Auto-Checkout" }).waitFor();
    // …and come back to it when it is installed again.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).waitFor();

    await page.goto(`${baseUrl}/calendar?date=${new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(booking.startTime)}`);
    dialog = await openSession(page, "Una Install", booking.title);
    await dialog.getByRole("button", { name: "Check Out" }).waitFor();
    await page.context().close();
  });

  it("dialogs work from the keyboard: focus moves in, stays in, and Esc returns it to the button", async () => {
    const booking = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Kai Keyboard" });
    const page = await pageAs(app.browser, baseUrl, "dana@example.com", { date: booking.startTime });
    const dialog = await openSession(page, "Kai Keyboard", booking.title);
    const checkOut = dialog.getByRole("button", { name: "Check Out" });
    await checkOut.focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog", { name: "Check out this session?" });
    await confirm.waitFor();
    // Radix moves focus in an effect and gives it back on a later tick: wait for each state, within a bound.
    const focusIsInside = () => confirm.evaluate((element) => element.contains(document.activeElement));
    await page.waitForFunction((element) => element?.contains(document.activeElement) ?? false, await confirm.elementHandle(), { timeout: 5_000 });
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      expect(await focusIsInside()).toBe(true);
    }
    await page.keyboard.press("Escape");
    await confirm.waitFor({ state: "hidden" });
    await page.waitForFunction((element) => element === document.activeElement, await checkOut.elementHandle(), { timeout: 5_000 });
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: booking.id } })).toBe(0);
    await page.context().close();
  });
});
