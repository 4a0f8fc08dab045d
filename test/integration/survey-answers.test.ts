import { describe, expect, it } from "vitest";

import { createSurveyToken } from "@calcom/app-store/session-checkout/lib/survey-token";
import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";

import { callerFor, factories, sessionRows } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * The client's survey page, through the app's own HTTP handler on the real database: opening any
 * link records nothing; the client's submit records the answer once, on the app's row, on Cal.com's
 * booking and in History; every bad link gets a clear page and changes nothing.
 */

const { prisma, url } = await useTestDatabase();
// The handler uses Cal.com's process-wide client, which reads DATABASE_URL on first use.
process.env.DATABASE_URL = url;
const { default: surveyHandler } = await import("@calcom/app-store/session-checkout/api/survey");
const make = factories(prisma);
const PAGE = "http://localhost/api/integrations/session-checkout/survey";

/** A checked-out session whose surveys went out (delivery marks them SENT), and each survey's link token. */
async function sentSurveys({ attendees = [{ email: "ada@client.example", name: "Ada" }], hostName = "Dana Reyes" } = {}) {
  const host = await make.user({ name: hostName });
  await updateSettings(prisma, { userId: host.id, patch: { surveysEnabled: true } });
  const booking = await make.booking({ hostId: host.id, attendees });
  await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: host.id } });
  const sentAt = new Date();
  await prisma.app_SessionCheckout_Survey.updateMany({ where: { bookingId: booking.id }, data: { status: "SENT", sentAt } });
  const surveys = await prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId: booking.id }, orderBy: { attendeeEmail: "asc" } });
  return { host, booking, surveys: surveys.map((s) => ({ ...s, token: createSurveyToken({ surveyId: s.id, issuedAt: sentAt }) })) };
}

const open = (query: string) => surveyHandler(new Request(`${PAGE}?${query}`));
const submit = (fields: Record<string, string>) => surveyHandler(new Request(PAGE, { method: "POST", body: new URLSearchParams(fields) }));

describe("the survey page", () => {
  it("opening every link an email carries records nothing, and shows the chosen rating ready to send", async () => {
    const { booking, surveys } = await sentSurveys();
    const before = await sessionRows(prisma, booking.id);
    for (const rating of [1, 2, 3, 4, 5]) {
      const response = await open(`token=${surveys[0]!.token}&rating=${rating}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const page = await response.text();
      expect(page).toContain(`value="${rating}" checked`);
      expect(page).toContain("How was your session with Dana Reyes?");
      expect(page).toContain('<form method="post">');
    }
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
  });

  it("the client's submit records the answer on the survey, on Cal.com's booking and in History", async () => {
    const { host, booking, surveys } = await sentSurveys();
    const response = await submit({ token: surveys[0]!.token, rating: "4", comment: "  Very helpful, thank you.  " });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("You rated your session with Dana Reyes <strong>4 out of 5</strong>");
    expect(await prisma.app_SessionCheckout_Survey.findUniqueOrThrow({ where: { id: surveys[0]!.id } })).toMatchObject({ status: "ANSWERED", rating: 4, comment: "Very helpful, thank you." });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ rating: 4, ratingFeedback: "Very helpful, thank you." });
    const session = await callerFor(prisma, host).getSession({ bookingId: booking.id });
    expect(session.history[0]).toMatchObject({ action: "SURVEY_ANSWERED", actor: { type: "CLIENT", name: "Ada" } });
  });

  it("one answer per survey: a second submit or a replay records nothing and shows the first answer", async () => {
    const { booking, surveys } = await sentSurveys();
    await submit({ token: surveys[0]!.token, rating: "5", comment: "Great" });
    const after = await sessionRows(prisma, booking.id);
    const again = await submit({ token: surveys[0]!.token, rating: "1", comment: "Changed my mind" });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("You have already answered this survey");
    const reopened = await (await open(`token=${surveys[0]!.token}&rating=2`)).text();
    expect(reopened).toContain("<strong>5 out of 5</strong>");
    expect(await sessionRows(prisma, booking.id)).toEqual(after);
  });

  it("two submits at once record one answer", async () => {
    const { booking, surveys } = await sentSurveys();
    await Promise.all([submit({ token: surveys[0]!.token, rating: "3" }), submit({ token: surveys[0]!.token, rating: "5" })]);
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: booking.id, action: "SURVEY_ANSWERED" } })).toBe(1);
  });

  it("a group session's booking shows the rounded mean of its answers and every comment with its author", async () => {
    const { booking, surveys } = await sentSurveys({ attendees: [{ email: "ada@client.example", name: "Ada" }, { email: "bob@client.example", name: "Bob" }] });
    await submit({ token: surveys[0]!.token, rating: "5", comment: "Loved it" });
    await submit({ token: surveys[1]!.token, rating: "2", comment: "Too fast" });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ rating: 4, ratingFeedback: "Ada: Loved it\n\nBob: Too fast" });
  });

  it("two clients of a group answering at the same moment: the booking's rating counts both", async () => {
    const { booking, surveys } = await sentSurveys({ attendees: [{ email: "ada@client.example", name: "Ada" }, { email: "bob@client.example", name: "Bob" }] });
    await Promise.all([submit({ token: surveys[0]!.token, rating: "5" }), submit({ token: surveys[1]!.token, rating: "2" })]);
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).rating).toBe(4);
  });

  it("expired, forged, tampered, malformed and unknown links, and a survey never sent, get a clear page and change nothing", async () => {
    const { booking, surveys } = await sentSurveys();
    const survey = surveys[0]!;
    const queued = await sentSurveys();
    await prisma.app_SessionCheckout_Survey.updateMany({ where: { bookingId: queued.booking.id }, data: { status: "QUEUED" } });
    const [payload, signature] = survey.token.split(".") as [string, string];
    const cases: Array<[string, number, string]> = [
      [createSurveyToken({ surveyId: survey.id, issuedAt: new Date(Date.now() - 73 * 3_600_000) }), 410, "This survey has closed"],
      [createSurveyToken({ surveyId: survey.id, issuedAt: new Date(), secret: "someone-else" }), 400, "This link is not valid"],
      [`${payload}.${signature.slice(0, -2)}xx`, 400, "This link is not valid"],
      [payload, 400, "This link is incomplete"],
      ["", 400, "This link is incomplete"],
      [createSurveyToken({ surveyId: 999_999, issuedAt: new Date() }), 404, "This survey no longer exists"],
      [queued.surveys[0]!.token, 409, "This survey is not open"],
    ];
    const before = [await sessionRows(prisma, booking.id), await sessionRows(prisma, queued.booking.id)];
    for (const [token, status, title] of cases) {
      for (const response of [await open(`token=${encodeURIComponent(token)}&rating=5`), await submit({ token, rating: "5" })]) {
        expect(response.status).toBe(status);
        expect(await response.text()).toContain(title);
      }
    }
    expect([await sessionRows(prisma, booking.id), await sessionRows(prisma, queued.booking.id)]).toEqual(before);
  });

  it("a rating outside 1–5 or a comment over 2,000 characters is sent back with the reason, and nothing is recorded", async () => {
    const { booking, surveys } = await sentSurveys();
    const before = await sessionRows(prisma, booking.id);
    const invalid: Array<Record<string, string>> = [{ rating: "0" }, { rating: "6" }, { rating: "four" }, { rating: "2.5" }, {}, { rating: "3", comment: "x".repeat(2001) }];
    for (const fields of invalid) {
      const response = await submit({ token: surveys[0]!.token, ...fields });
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toMatch(/Choose a rating from 1 to 5\.|A comment can be at most 2,000 characters\./);
      expect(page).toContain('<form method="post">');
    }
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
    // What the client chose and wrote comes back with the reason, so nothing is typed twice.
    const refused = await (await submit({ token: surveys[0]!.token, rating: "2", comment: `${"y".repeat(2001)}<b>` })).text();
    expect(refused).toContain('value="2" checked');
    expect(refused).toContain(`${"y".repeat(2001)}&lt;b&gt;</textarea>`);
    // A browser's line breaks (CRLF) count as one character each, as the textarea counted them.
    expect((await submit({ token: surveys[1]?.token ?? surveys[0]!.token, rating: "3", comment: "line\r\n".repeat(400).padEnd(1995, "z") })).status).toBe(200);
    expect((await submit({ token: surveys[0]!.token, rating: "3", comment: "🙂".repeat(2000) })).status).toBe(200);
  });

  it("never executes what a name or a comment contains", async () => {
    const { surveys } = await sentSurveys({ hostName: `<script>alert("host")</script>` });
    const page = await (await open(`token=${surveys[0]!.token}`)).text();
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(&quot;host&quot;)&lt;/script&gt;");
    const answered = await (await submit({ token: surveys[0]!.token, rating: "2", comment: "<img src=x onerror=alert(1)>" })).text();
    expect(answered).not.toContain("<img");
  });
});

describe("the survey outbox across undo", () => {
  it("a survey still queued when the checkout is undone is cancelled; one already sent stays sent; checking out again queues nothing new", async () => {
    const host = await make.user();
    await updateSettings(prisma, { userId: host.id, patch: { surveysEnabled: true } });
    const booking = await make.booking({ hostId: host.id, attendees: [{ email: "sent@client.example" }, { email: "queued@client.example" }] });
    const actor = { kind: "user" as const, userId: host.id };
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor });
    await prisma.app_SessionCheckout_Survey.updateMany({ where: { bookingId: booking.id, attendeeEmail: "sent@client.example" }, data: { status: "SENT", sentAt: new Date() } });

    await performSessionAction(prisma, { bookingId: booking.id, action: "undoCheckout", actor });
    const statuses = async () => (await prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId: booking.id }, orderBy: { attendeeEmail: "asc" } })).map((s) => [s.attendeeEmail, s.status]);
    expect(await statuses()).toEqual([
      ["queued@client.example", "CANCELLED"],
      ["sent@client.example", "SENT"],
    ]);
    const undo = await prisma.app_SessionCheckout_AuditEntry.findFirstOrThrow({ where: { bookingId: booking.id, action: "CHECKOUT_UNDONE" } });
    expect(undo.details).toMatchObject({ surveysCancelled: 1 });

    const again = await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor });
    expect(again.surveysQueued).toBe(0);
    expect(await statuses()).toEqual([
      ["queued@client.example", "CANCELLED"],
      ["sent@client.example", "SENT"],
    ]);
    // The cancelled survey's link, had one existed, opens nothing.
    const cancelled = await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id, attendeeEmail: "queued@client.example" } });
    const response = await open(`token=${createSurveyToken({ surveyId: cancelled.id, issuedAt: new Date() })}`);
    expect(response.status).toBe(409);
  });

  it("an answer sent while someone holds the session comes back as the client left it, to send again; nothing is recorded", async () => {
    const { booking, surveys } = await sentSurveys();
    const { default: pg } = await import("pg");
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT "id" FROM "Booking" WHERE "id" = $1 FOR UPDATE`, [booking.id]);
    try {
      const response = await submit({ token: surveys[0]!.token, rating: "2", comment: "Kept while busy" });
      expect(response.status).toBe(409);
      const page = await response.text();
      expect(page).toContain("This session is being changed, try again.");
      expect(page).toContain("Kept while busy");
      expect(page).toMatch(/value="2"[^>]*checked/);
      expect((await prisma.app_SessionCheckout_Survey.findUniqueOrThrow({ where: { id: surveys[0]!.id } })).status).toBe("SENT");
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await submit({ token: surveys[0]!.token, rating: "2", comment: "Kept while busy" })).status).toBe(200);
  });
});
