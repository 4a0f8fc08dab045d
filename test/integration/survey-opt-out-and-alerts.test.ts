import { describe, expect, it, vi } from "vitest";

import { EmbeddedJobRunner } from "@calcom/app-store/session-checkout/jobs/embedded-runner";
import { deliverDueAlerts } from "@calcom/app-store/session-checkout/lib/services/alert-delivery";
import { answerSurvey } from "@calcom/app-store/session-checkout/lib/services/survey-answers";
import { deliverDueSurveys } from "@calcom/app-store/session-checkout/lib/services/survey-delivery";
import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";
import { createSurveyToken } from "@calcom/app-store/session-checkout/lib/survey-token";

import { callerFor, factories, sessionRows } from "../support/factories";
import { useSmtpSink } from "../support/smtp-sink";
import { useTestDatabase } from "../support/test-database";

/*
 * What a client and a host get beyond the survey itself, over real SMTP on the real database: the
 * one-click unsubscribe, the host's or team's branding, the host's low-rating alert, the per-host
 * throttle, and the template previews in Settings.
 */

const { prisma, url } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { default: unsubscribeHandler } = await import("@calcom/app-store/session-checkout/api/unsubscribe");
const make = factories(prisma);
const WEBAPP = "http://localhost:3000";
const { sink, mailer, mailTo } = await useSmtpSink(WEBAPP);
const deliver = (now = new Date(), perHostPerMinute?: number) => deliverDueSurveys(prisma, { ...mailer, now, ...(perHostPerMinute ? { perHostPerMinute } : {}) });

async function surveyingHost(name = "Dana Reyes") {
  const host = await make.user({ name });
  await updateSettings(prisma, { userId: host.id, patch: { surveysEnabled: true } });
  return host;
}

async function checkOut(hostId: number, attendees: Array<{ email: string; name?: string }>, eventTypeId?: number) {
  const booking = await make.booking({ hostId, attendees, ...(eventTypeId ? { eventTypeId } : {}) });
  await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: hostId } });
  return booking;
}

const linkIn = (html: string, path: string) => Array.from(html.matchAll(/href="([^"]+)"/g), (m) => m[1]!.replace(/&amp;/g, "&")).find((href) => href.includes(path))!;

describe("unsubscribing", () => {
  it("one click from the mail provider stops that host's surveys to that address: queued ones are withdrawn, none is queued again; other hosts are unaffected", async () => {
    const dana = await surveyingHost();
    const sam = await surveyingHost("Sam Okafor");
    await checkOut(dana.id, [{ email: "Leaving@Client.example" }]);
    await deliver();
    const [mail] = mailTo("leaving@client.example");
    const unsubscribe = linkIn(mail!.html as string, "/unsubscribe?token=");
    // Already queued for Dana, not yet sent.
    const queued = await checkOut(dana.id, [{ email: "leaving@client.example" }]);

    // RFC 8058: a POST of List-Unsubscribe=One-Click to the header's address.
    const response = await unsubscribeHandler(new Request(unsubscribe, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }));
    expect(response.status).toBe(200);
    expect(await prisma.app_SessionCheckout_SurveyOptOut.findMany({ where: { hostUserId: dana.id } })).toEqual([expect.objectContaining({ email: "leaving@client.example" })]);
    expect((await sessionRows(prisma, queued.id)).surveys).toEqual([expect.objectContaining({ status: "CANCELLED" })]);

    const later = await checkOut(dana.id, [{ email: "leaving@client.example" }]);
    expect((await sessionRows(prisma, later.id)).surveys).toEqual([]);
    await checkOut(sam.id, [{ email: "leaving@client.example" }]);
    await deliver();
    expect(mailTo("leaving@client.example").map((m) => m.subject)).toEqual(["How was your session with Dana Reyes?", "How was your session with Sam Okafor?"]);
  });

  it("the page asks first, unsubscribes on the button, and can take it back", async () => {
    const host = await surveyingHost();
    await checkOut(host.id, [{ email: "undecided@client.example" }]);
    await deliver();
    const link = linkIn(mailTo("undecided@client.example")[0]!.html as string, "/unsubscribe?token=");
    const asked = await unsubscribeHandler(new Request(link));
    expect(await asked.text()).toContain('<button type="submit">Unsubscribe</button>');
    expect(await prisma.app_SessionCheckout_SurveyOptOut.count({ where: { hostUserId: host.id } })).toBe(0);

    const done = await unsubscribeHandler(new Request(link, { method: "POST", body: new URLSearchParams({ action: "unsubscribe" }) }));
    expect(await done.text()).toContain("You are unsubscribed");
    expect(await prisma.app_SessionCheckout_SurveyOptOut.count({ where: { hostUserId: host.id } })).toBe(1);
    expect(await (await unsubscribeHandler(new Request(link))).text()).toContain("You are already unsubscribed");

    const back = await unsubscribeHandler(new Request(link, { method: "POST", body: new URLSearchParams({ action: "resubscribe" }) }));
    expect(await back.text()).toContain("You are subscribed again");
    expect(await prisma.app_SessionCheckout_SurveyOptOut.count({ where: { hostUserId: host.id } })).toBe(0);
    const again = await checkOut(host.id, [{ email: "undecided@client.example" }]);
    expect((await sessionRows(prisma, again.id)).surveys).toEqual([expect.objectContaining({ status: "QUEUED" })]);
  });

  it("an address that unsubscribes after its survey was queued gets nothing: delivery checks again at send time", async () => {
    const host = await surveyingHost();
    const booking = await checkOut(host.id, [{ email: "late-optout@client.example" }]);
    await prisma.app_SessionCheckout_SurveyOptOut.create({ data: { hostUserId: host.id, email: "late-optout@client.example" } });
    await deliver();
    expect(mailTo("late-optout@client.example")).toHaveLength(0);
    expect((await sessionRows(prisma, booking.id)).surveys).toEqual([expect.objectContaining({ status: "CANCELLED" })]);
  });

  it("a body beyond 32 KB is refused with 413 before it is read whole, on both public pages, and changes nothing", async () => {
    const host = await surveyingHost();
    await checkOut(host.id, [{ email: "bulky@client.example" }]);
    await deliver();
    const html = mailTo("bulky@client.example")[0]!.html as string;
    const huge = "x".repeat(100_000);
    const unsubscribe = await unsubscribeHandler(new Request(linkIn(html, "/unsubscribe?token="), { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click", padding: huge }) }));
    expect(unsubscribe.status).toBe(413);
    const { default: surveyHandler } = await import("@calcom/app-store/session-checkout/api/survey");
    const surveyLink = linkIn(html, "/survey?token=");
    const token = new URL(surveyLink).searchParams.get("token")!;
    const answer = await surveyHandler(new Request(surveyLink, { method: "POST", body: new URLSearchParams({ token, rating: "5", comment: huge }) }));
    expect(answer.status).toBe(413);
    expect(await prisma.app_SessionCheckout_SurveyOptOut.count({ where: { hostUserId: host.id } })).toBe(0);
    expect(await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { attendeeEmail: "bulky@client.example" } })).toMatchObject({ status: "SENT", rating: null });
  });

  it.each([
    { name: "forged", token: () => `${createSurveyToken({ surveyId: 1, issuedAt: new Date(), purpose: "unsubscribe" }).split(".")[0]}.AAAA`, status: 400 },
    { name: "a survey link (another purpose)", token: () => createSurveyToken({ surveyId: 1, issuedAt: new Date() }), status: 400 },
    { name: "expired", token: () => createSurveyToken({ surveyId: 1, issuedAt: new Date(Date.now() - 400 * 24 * 3_600_000), purpose: "unsubscribe" }), status: 410 },
    { name: "for no survey", token: () => createSurveyToken({ surveyId: 2_000_000_000, issuedAt: new Date(), purpose: "unsubscribe" }), status: 404 },
  ])("a $name unsubscribe link gets a clear page and changes nothing", async ({ token, status }) => {
    const before = await prisma.app_SessionCheckout_SurveyOptOut.count();
    const page = `${WEBAPP}/api/integrations/session-checkout/unsubscribe?token=${encodeURIComponent(token())}`;
    expect((await unsubscribeHandler(new Request(page))).status).toBe(status);
    expect((await unsubscribeHandler(new Request(page, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }))).status).toBe(status);
    expect(await prisma.app_SessionCheckout_SurveyOptOut.count()).toBe(before);
  });
});

describe("branding", () => {
  it("a team's session carries the team's name, logo and colour; the footer names this app unless the team hides branding", async () => {
    const host = await surveyingHost("Alex Moreau");
    const team = await make.team([{ userId: host.id, role: "ADMIN" }]);
    await prisma.team.update({ where: { id: team.id }, data: { name: "Harbour Coaching", logoUrl: "/api/avatar/harbour.png", brandColor: "#7C3AED" } });
    const eventType = await make.eventType({ teamId: team.id });
    await checkOut(host.id, [{ email: "team-client@client.example" }], eventType.id);
    await deliver();
    const [mail] = mailTo("team-client@client.example");
    expect(mail!.subject).toBe("How was your session with Alex Moreau?");
    expect(mail!.html).toContain("Harbour Coaching");
    expect(mail!.html).toContain(`src="${WEBAPP}/api/avatar/harbour.png"`);
    expect(mail!.html).toContain("#7C3AED");
    expect(mail!.text).toContain("Sent with Session Checkout");

    await prisma.team.update({ where: { id: team.id }, data: { hideBranding: true } });
    await checkOut(host.id, [{ email: "team-client-2@client.example" }], eventType.id);
    await deliver();
    const [hidden] = mailTo("team-client-2@client.example");
    expect(hidden!.text).not.toContain("Session Checkout");
    expect(hidden!.html).not.toContain("Session Checkout");
  });

  it("a host's own session carries the host's avatar and colour, and honours the host's hideBranding", async () => {
    const host = await surveyingHost("Priya Shah");
    await prisma.user.update({ where: { id: host.id }, data: { avatarUrl: "https://cdn.example/priya.png", brandColor: "#B45309", hideBranding: true } });
    await checkOut(host.id, [{ email: "own-client@client.example" }]);
    await deliver();
    const [mail] = mailTo("own-client@client.example");
    expect(mail!.html).toContain('src="https://cdn.example/priya.png"');
    expect(mail!.html).toContain("#B45309");
    expect(mail!.text).not.toContain("Session Checkout");
  });
});

describe("the low-rating alert", () => {
  async function answered({ rating, comment, threshold }: { rating: number; comment?: string; threshold?: 0 | 1 | 2 | 3 | 4 | 5 }) {
    const host = await surveyingHost("Dana Reyes");
    if (threshold !== undefined) await updateSettings(prisma, { userId: host.id, patch: { surveyAlertThreshold: threshold } });
    const booking = await checkOut(host.id, [{ email: `rater-${rating}-${threshold ?? "d"}-${Date.now()}@client.example`, name: "Jamie Rivera" }]);
    await deliver();
    const survey = await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id } });
    const token = createSurveyToken({ surveyId: survey.id, issuedAt: new Date() });
    await answerSurvey(prisma, { token, rating, ...(comment ? { comment } : {}), now: new Date() });
    return { host, booking, survey };
  }

  it("a rating at or below the default threshold (2) emails the host once, with the rating, the comment and a link to the booking", async () => {
    const { host, booking, survey } = await answered({ rating: 2, comment: "We ran out of <b>time</b>." });
    expect(await prisma.app_SessionCheckout_Survey.findUniqueOrThrow({ where: { id: survey.id } })).toMatchObject({ alertStatus: "QUEUED" });
    const first = await deliverDueAlerts(prisma, mailer);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    await deliverDueAlerts(prisma, mailer);
    const alerts = mailTo(host.email);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.subject).toBe('Low rating: Jamie Rivera rated "Test session" 2/5');
    expect(alerts[0]!.replyTo?.text).toMatch(/^rater-2-d-\d+@client\.example$/);
    expect(alerts[0]!.text).toContain("We ran out of <b>time</b>.");
    expect(alerts[0]!.html).toContain("We ran out of &lt;b&gt;time&lt;/b&gt;.");
    expect(alerts[0]!.html).toContain(`href="${WEBAPP}/booking/${booking.uid}"`);
    const rows = await sessionRows(prisma, booking.id);
    expect(rows.surveys[0]).toMatchObject({ alertStatus: "SENT" });
    expect(rows.audit.map((e) => e.action)).toContain("LOW_RATING_ALERT_SENT");
  });

  it("in the running product the alert goes out right after the answer: the embedded runner follows the answered event", async () => {
    const host = await surveyingHost("Dana Reyes");
    const booking = await checkOut(host.id, [{ email: "rushed@client.example", name: "Jamie Rivera" }]);
    await deliver();
    const survey = await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id, status: "SENT" } });
    const runner = new EmbeddedJobRunner({ db: () => prisma, mailer: () => mailer, log: () => undefined });
    runner.start({ everyMinute: false });
    try {
      await answerSurvey(prisma, { token: createSurveyToken({ surveyId: survey.id, issuedAt: new Date() }), rating: 1, comment: "Too rushed.", now: new Date() });
      await vi.waitFor(() => expect(mailTo(host.email)).toHaveLength(1), { timeout: 10_000 });
      expect(mailTo(host.email)[0]!.text).toContain("Too rushed.");
    } finally {
      await runner.stop();
    }
  });

  it("a rating above the threshold, or a threshold of 0, sends no alert", async () => {
    const above = await answered({ rating: 3 });
    const off = await answered({ rating: 1, threshold: 0 });
    await deliverDueAlerts(prisma, mailer);
    expect(mailTo(above.host.email)).toHaveLength(0);
    expect(mailTo(off.host.email)).toHaveLength(0);
    expect(await prisma.app_SessionCheckout_Survey.findUniqueOrThrow({ where: { id: off.survey.id } })).toMatchObject({ alertStatus: null });
  });

  it("an alert the host no longer wants by send time (threshold lowered) is dropped unsent; a refused one is retried, then sent once", async () => {
    const dropped = await answered({ rating: 2, threshold: 2 });
    await updateSettings(prisma, { userId: dropped.host.id, patch: { surveyAlertThreshold: 1 } });
    const retried = await answered({ rating: 1, threshold: 1 });
    sink.refuse(true);
    const t0 = new Date();
    try {
      const refused = await deliverDueAlerts(prisma, { ...mailer, now: t0 });
      expect(refused.dropped).toBeGreaterThanOrEqual(1);
      expect(refused.retrying).toBeGreaterThanOrEqual(1);
    } finally {
      sink.refuse(false);
    }
    expect(await prisma.app_SessionCheckout_Survey.findUniqueOrThrow({ where: { id: retried.survey.id } })).toMatchObject({ alertStatus: "QUEUED", alertAttempts: 1, alertLastError: expect.stringContaining("451") });
    await deliverDueAlerts(prisma, { ...mailer, now: new Date(t0.getTime() + 61_000) });
    expect(mailTo(dropped.host.email)).toHaveLength(0);
    expect(mailTo(retried.host.email)).toHaveLength(1);
  });
});

describe("the per-host throttle", () => {
  const busyBacklog = async (count: number) => {
    const busy = await surveyingHost("Busy Host");
    // One host's bulk checkout: more surveys than a delivery batch holds.
    for (let i = 0; i < count; i++) await checkOut(busy.id, [{ email: `busy-${busy.id}-${i}@client.example` }]);
    return busy;
  };
  const sentTo = (prefix: string) => sink.received.filter((mail) => mail.to && "text" in mail.to && mail.to.text.startsWith(prefix)).length;

  it("a host gets at most its allowance a minute, counted across calls; its backlog never holds up another host's client", async () => {
    const busy = await busyBacklog(8);
    const quiet = await surveyingHost("Quiet Host");
    await checkOut(quiet.id, [{ email: "quiet@client.example" }]);
    const t0 = new Date(Date.now() + 5_000);
    const batch = (at: number) => deliverDueSurveys(prisma, { ...mailer, now: new Date(t0.getTime() + at), limit: 3, perHostPerMinute: 2 });

    // The first batch (3) holds the busy host's allowance (2) and the quiet host's survey, queued last.
    expect((await batch(0)).sent).toHaveLength(3);
    expect(mailTo("quiet@client.example")).toHaveLength(1);
    // A second call in the same minute sends nothing more for the busy host.
    expect((await batch(20_000)).sent).toHaveLength(0);
    expect((await batch(59_000)).sent).toHaveLength(0);
    // The next minute, two more; and so on until the backlog is gone.
    expect((await batch(61_000)).sent).toHaveLength(2);
    expect((await batch(90_000)).sent).toHaveLength(0);
    for (let minute = 2; minute <= 3; minute++) expect((await batch(minute * 61_000)).sent).toHaveLength(2);
    expect((await batch(4 * 61_000)).sent).toHaveLength(0);
    expect(sentTo(`busy-${busy.id}-`)).toBe(8);
  });

  it("two senders claiming at once share one allowance", async () => {
    const busy = await busyBacklog(6);
    const at = new Date(Date.now() + 5_000);
    const [a, b] = await Promise.all([
      deliverDueSurveys(prisma, { ...mailer, now: at, perHostPerMinute: 3 }),
      deliverDueSurveys(prisma, { ...mailer, now: at, perHostPerMinute: 3 }),
    ]);
    expect(a.sent.length + b.sent.length).toBe(3);
    expect(sentTo(`busy-${busy.id}-`)).toBe(3);
  });
});

describe("template previews", () => {
  it("show each template with sample data in the signed-in host's branding, through the app's tRPC", async () => {
    const host = await surveyingHost("Dana Reyes");
    await prisma.user.update({ where: { id: host.id }, data: { brandColor: "#0E7490" } });
    const caller = callerFor(prisma, host);
    const survey = await caller.previewTemplate({ template: "survey-request" });
    expect(survey.subject).toBe("How was your session with Dana Reyes?");
    expect(survey.html).toContain("#0E7490");
    expect(survey.html).toContain("Jamie Rivera");
    expect((await caller.previewTemplate({ template: "low-rating-alert" })).subject).toBe('Low rating: Jamie Rivera rated "Coaching session" 2/5');
    expect((await caller.previewTemplate({ template: "survey-page" })).html).toContain('value="4" checked');
    await expect(caller.previewTemplate({ template: "nope" as "survey-page" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(prisma, null).previewTemplate({ template: "survey-request" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
