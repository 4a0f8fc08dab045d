import { describe, expect, inject, it } from "vitest";

import { screenshot } from "./browser";
import { checkOutWith, openSession, pageAs, sessionFor, useServedApp } from "./session-fixtures";

/*
 * The survey end to end, as the three people meet it: the host checks a session out in the
 * browser; the app sends the survey over real SMTP to the mail catcher; the client opens it in the
 * web inbox, clicks a rating, adds a comment and sends it; the host sees the answer in the dialog.
 */

const app = useServedApp();
const { baseUrl, prisma } = app;
const inboxUrl = inject("inboxUrl");

interface InboxEmail {
  id: string;
  subject: string;
  to: Array<{ address: string }>;
}

async function waitForEmail(to: string, subject: string): Promise<InboxEmail> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const emails = (await (await fetch(`${inboxUrl}api/email`)).json()) as InboxEmail[] | { emails?: InboxEmail[] };
    const list = Array.isArray(emails) ? emails : (emails.emails ?? []);
    const found = list.find((email) => email.subject === subject && email.to.some((r) => r.address === to));
    if (found) return found;
    expect(Date.now(), `no email "${subject}" to ${to} within 60 s`).toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe("a satisfaction survey, from checkout to the host's dialog", () => {
  it("the client reads the email in the inbox, picks 4, comments and sends; the host sees it in the booking dialog", async () => {
    // A client of this test alone: another test's checkout must not put its survey in this inbox search.
    const booking = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Ingrid Inbox" });
    const host = await pageAs(app.browser, baseUrl, "dana@example.com", { date: booking.startTime });
    const dialog = await openSession(host, "Ingrid Inbox", booking.title);
    await checkOutWith(host, dialog.getByRole("button", { name: "Check Out" }));

    const email = await waitForEmail("ingrid@e2e.example", "How was your session with Dana Reyes?");
    const client = await (await app.browser.newContext({ viewport: { width: 900, height: 900 } })).newPage();
    await client.goto(`${inboxUrl}api/email/${email.id}/html`);
    await client.getByRole("link", { name: "Rate 4 out of 5" }).waitFor();
    expect(await client.getByRole("link", { name: "Stop surveys from Dana Reyes" }).count()).toBe(1);
    await screenshot(client, "survey-email");

    // A scanner's GET of every link changed nothing: the survey is still only sent.
    const links = await client.locator("a[href]").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links.filter((href) => href.includes("/survey?token="))).toHaveLength(5);
    for (const href of links) await fetch(href);
    expect(await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id } })).toMatchObject({ status: "SENT", rating: null });
    expect(await prisma.app_SessionCheckout_SurveyOptOut.count({ where: { email: "ingrid@e2e.example" } })).toBe(0);

    // The client's own click: the button for 4 opens the survey page with 4 chosen.
    // The web inbox opens the email's links in a new tab, as mail programs do.
    const [surveyPage] = await Promise.all([client.context().waitForEvent("page"), client.getByRole("link", { name: "Rate 4 out of 5" }).click()]);
    await surveyPage.getByRole("heading", { name: "How was your session with Dana Reyes?" }).waitFor();
    expect(surveyPage.url().startsWith(`${baseUrl}/api/integrations/session-checkout/survey?token=`)).toBe(true);
    expect(await surveyPage.getByRole("radio", { name: "4" }).isChecked()).toBe(true);
    await surveyPage.getByLabel(/Anything you would like to add/).fill("Clear plan for next week.");
    await screenshot(surveyPage, "survey-page");
    // The client's screens on a laptop and on a phone, with the rest (screens.test.ts).
    for (const [name, width, height] of [["desktop", 1440, 900], ["phone", 390, 844]] as const) {
      await surveyPage.setViewportSize({ width, height });
      await screenshot(surveyPage, `screens/survey-page-${name}`);
      expect(await surveyPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await surveyPage.getByRole("button", { name: "Send my rating" }).click();
    await surveyPage.getByRole("heading", { name: "Thank you for your feedback" }).waitFor();
    await screenshot(surveyPage, "survey-answered");
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ rating: 4, ratingFeedback: "Clear plan for next week." });

    // The host, in the booking dialog.
    await host.reload();
    const again = await openSession(host, "Ingrid Inbox", booking.title);
    const surveys = again.getByRole("list", { name: "Satisfaction surveys" });
    await surveys.getByText("4/5").waitFor();
    expect(await surveys.textContent()).toContain("Clear plan for next week.");
    await screenshot(host, "dialog-survey-answered");
    await client.context().close();
    await host.context().close();
  });
});
