import { describe, expect, it, vi } from "vitest";

import { EmbeddedJobRunner } from "@calcom/app-store/session-checkout/jobs/embedded-runner";
import { deliverDueSurveys, MAX_ATTEMPTS } from "@calcom/app-store/session-checkout/lib/services/survey-delivery";
import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";

import { factories, sessionRows } from "../support/factories";
import { useSmtpSink } from "../support/smtp-sink";
import { useTestDatabase } from "../support/test-database";

/*
 * Survey delivery from the outbox over real SMTP: an in-process SMTP server receives the mail and
 * the tests read it as a client's mail program would.
 */

const { prisma, url } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { default: surveyHandler } = await import("@calcom/app-store/session-checkout/api/survey");
const { default: unsubscribeHandler } = await import("@calcom/app-store/session-checkout/api/unsubscribe");
const make = factories(prisma);
const WEBAPP = "http://localhost:3000";
const { sink, mailer, mailTo } = await useSmtpSink(WEBAPP);
const deliver = (now = new Date()) => deliverDueSurveys(prisma, { ...mailer, now });

async function checkedOutSession({ attendees = [{ email: "ada@client.example", name: "Ada Lovelace" }] }: { attendees?: Array<{ email: string; name?: string; noShow?: boolean }> } = {}) {
  const host = await make.user({ name: "Dana Reyes" });
  await prisma.user.update({ where: { id: host.id }, data: { brandColor: "#0E7490" } });
  await updateSettings(prisma, { userId: host.id, patch: { surveysEnabled: true } });
  const booking = await make.booking({ hostId: host.id, attendees });
  await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: host.id } });
  return { host, booking };
}

describe("survey delivery", () => {
  it("sends the branded survey: subject, both parts, five rating links that open the survey page and record nothing", async () => {
    const { booking } = await checkedOutSession();
    const result = await deliver();
    expect(result.sent).toHaveLength(1);
    const [mail] = mailTo("ada@client.example");
    expect(mail!.subject).toBe("How was your session with Dana Reyes?");
    expect(mail!.from?.text).toBe('"Session Checkout" <surveys@localhost>');
    expect(mail!.html).toContain("#0E7490");
    // The plain-text part: the greeting, and the rating links written out.
    expect(mail!.text).toContain("Hi Ada Lovelace, thank you for your session");
    // One rating link to a line, each ending with its own rating (a text-only reader can click any).
    const textLinks = (mail!.text as string).split("\n").filter((line) => line.includes("/survey?token="));
    expect(textLinks).toHaveLength(5);
    textLinks.forEach((line, index) => expect(line).toMatch(new RegExp(`^${index + 1} \\([a-z ]+\\): ${WEBAPP}/api/integrations/session-checkout/survey\\?token=[A-Za-z0-9_.-]+&rating=${index + 1}$`)));
    expect(mail!.text).toMatch(/Stop surveys from Dana Reyes: http:\/\/localhost:3000\/api\/integrations\/session-checkout\/unsubscribe\?token=/);
    const links = Array.from(new Set(Array.from((mail!.html as string).matchAll(/href="([^"]+)"/g), (m) => m[1]!.replace(/&amp;/g, "&"))));
    const ratingLinks = links.filter((link) => link.startsWith(`${WEBAPP}/api/integrations/session-checkout/survey?token=`));
    const unsubscribeLink = `${WEBAPP}/api/integrations/session-checkout/unsubscribe?token=`;
    expect(ratingLinks).toHaveLength(5);
    expect(links.filter((link) => !ratingLinks.includes(link))).toEqual([expect.stringContaining(unsubscribeLink)]);
    // RFC 8058: the provider's own unsubscribe button, one click, by POST to the same page.
    const header = (key: string) => mail!.headerLines.find((line) => line.key === key)?.line.replace(/\r?\n(?=[ \t])/g, "");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toMatch(new RegExp(`^List-Unsubscribe: <${unsubscribeLink.replace(/[.?]/g, "\\$&")}[A-Za-z0-9_.-]+>$`));
    const before = await sessionRows(prisma, booking.id);
    const optOutsBefore = await prisma.app_SessionCheckout_SurveyOptOut.count();
    for (const [index, link] of ratingLinks.entries()) {
      const response = await surveyHandler(new Request(link));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`value="${index + 1}" checked`);
    }
    const unsubscribePage = await unsubscribeHandler(new Request(links.find((link) => link.startsWith(unsubscribeLink))!));
    expect(unsubscribePage.status).toBe(200);
    expect(await unsubscribePage.text()).toContain("Stop surveys from Dana Reyes?");
    // Opening every link, as a mail scanner does, changed nothing.
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
    expect(await prisma.app_SessionCheckout_SurveyOptOut.count()).toBe(optOutsBefore);
    expect(before.surveys[0]).toMatchObject({ status: "SENT", attempts: 1 });
    expect(before.audit.map((e) => [e.action, e.actorType, e.source])).toContainEqual(["SURVEY_SENT", "SYSTEM", "SURVEY_DELIVERY"]);
  });

  it("an SMTP server that refuses: the failure is recorded, retried later, and the email arrives exactly once", async () => {
    const { booking } = await checkedOutSession({ attendees: [{ email: "retry@client.example" }] });
    sink.refuse(true);
    const t0 = new Date();
    const first = await deliver(t0);
    sink.refuse(false);
    expect(first.retrying).toHaveLength(1);
    const survey = await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id } });
    expect(survey).toMatchObject({ status: "QUEUED", attempts: 1, lastError: expect.stringContaining("451") });
    // Not before its retry time.
    expect((await deliver(new Date(t0.getTime() + 30_000))).sent).not.toContain(survey.id);
    expect((await deliver(new Date(t0.getTime() + 61_000))).sent).toContain(survey.id);
    expect(await deliver(new Date(t0.getTime() + 3_600_000))).toMatchObject({ sent: [] });
    expect(mailTo("retry@client.example")).toHaveLength(1);
  });

  it(`after ${MAX_ATTEMPTS} refused attempts the survey is FAILED, with the reason in History; the checkout stands`, async () => {
    const { booking } = await checkedOutSession({ attendees: [{ email: "never@client.example" }] });
    sink.refuse(true);
    try {
      let at = Date.now();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await deliver(new Date(at));
        at += 3 * 3_600_000;
      }
    } finally {
      sink.refuse(false);
    }
    const rows = await sessionRows(prisma, booking.id);
    expect(rows.surveys[0]).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(rows.checkout).toMatchObject({ state: "ACTIVE" });
    expect(rows.audit.find((e) => e.action === "SURVEY_FAILED")?.details).toMatchObject({ attempts: MAX_ATTEMPTS, reason: expect.stringContaining("451") });
    expect(mailTo("never@client.example")).toHaveLength(0);
  });

  it("two senders at once send each email once", async () => {
    const sessions = await Promise.all(Array.from({ length: 8 }, (_, i) => checkedOutSession({ attendees: [{ email: `pair-${i}@client.example` }] })));
    const [a, b] = await Promise.all([deliver(), deliver()]);
    expect(a.sent.length + b.sent.length).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < sessions.length; i++) expect(mailTo(`pair-${i}@client.example`)).toHaveLength(1);
  });

  it("checks again at send time: surveys switched off, or the checkout undone, or the attendee absent — nothing is sent", async () => {
    const off = await checkedOutSession({ attendees: [{ email: "off@client.example" }] });
    await updateSettings(prisma, { userId: off.host.id, patch: { surveysEnabled: false } });
    const undone = await checkedOutSession({ attendees: [{ email: "undone@client.example" }] });
    await performSessionAction(prisma, { bookingId: undone.booking.id, action: "undoCheckout", actor: { kind: "user", userId: undone.host.id } });
    const absent = await checkedOutSession({ attendees: [{ email: "here@client.example" }, { email: "absent@client.example" }] });
    await prisma.attendee.updateMany({ where: { bookingId: absent.booking.id, email: "absent@client.example" }, data: { noShow: true } });
    await deliver();
    for (const email of ["off@client.example", "undone@client.example", "absent@client.example"]) expect(mailTo(email)).toHaveLength(0);
    expect(mailTo("here@client.example")).toHaveLength(1);
    const statuses = await prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId: { in: [off.booking.id, undone.booking.id, absent.booking.id] } }, orderBy: { attendeeEmail: "asc" } });
    expect(statuses.map((s) => [s.attendeeEmail, s.status])).toEqual([
      ["absent@client.example", "CANCELLED"],
      ["here@client.example", "SENT"],
      ["off@client.example", "CANCELLED"],
      ["undone@client.example", "CANCELLED"],
    ]);
  });

  it("in the running product a checkout's survey goes out at once: the embedded runner follows the checked-out event", async () => {
    const runner = new EmbeddedJobRunner({ db: () => prisma, mailer: () => mailer, log: () => undefined });
    runner.start({ everyMinute: false });
    try {
      await checkedOutSession({ attendees: [{ email: "instant@client.example" }] });
      await vi.waitFor(() => expect(mailTo("instant@client.example")).toHaveLength(1), { timeout: 10_000 });
    } finally {
      await runner.stop();
    }
  });
});
