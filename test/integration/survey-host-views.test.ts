import { describe, expect, it } from "vitest";

import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * What the host reads about surveys: each attendee's survey state in the booking dialog
 * (getSession), and a client's own ratings and comments in their session history.
 */

const { prisma } = await useTestDatabase();
const make = factories(prisma);

type SurveyFields = Parameters<typeof prisma.app_SessionCheckout_Survey.updateMany>[0]["data"];

/** A checked-out session of a host who sends surveys, with one survey per attendee. */
async function checkedOutSession(hostId: number, attendees: Array<{ email: string; name?: string }>) {
  await updateSettings(prisma, { userId: hostId, patch: { surveysEnabled: true } });
  const booking = await make.booking({ hostId, attendees });
  await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: hostId } });
  return booking;
}

const setSurvey = (bookingId: number, attendeeEmail: string, data: SurveyFields) => prisma.app_SessionCheckout_Survey.updateMany({ where: { bookingId, attendeeEmail }, data });

describe("the booking dialog's survey states (getSession)", () => {
  it("says per attendee: queued, sent when, withdrawn, failed with attempts and reason, answered with rating, comment and alert", async () => {
    const host = await make.user();
    const emails = ["queued", "sent", "cancelled", "failed", "answered"].map((state) => `${state}@client.example`);
    const booking = await checkedOutSession(
      host.id,
      emails.map((email) => ({ email, name: email.split("@")[0]! })),
    );
    const sentAt = new Date("2026-11-20T10:00:00.000Z");
    const answeredAt = new Date("2026-11-20T12:30:00.000Z");
    await setSurvey(booking.id, "sent@client.example", { status: "SENT", attempts: 1, sentAt });
    await setSurvey(booking.id, "cancelled@client.example", { status: "CANCELLED", cancelReason: "marked-absent" });
    await setSurvey(booking.id, "failed@client.example", { status: "FAILED", attempts: 5, lastError: "451 Try again later" });
    await setSurvey(booking.id, "answered@client.example", { status: "ANSWERED", attempts: 1, sentAt, answeredAt, rating: 2, comment: "<b>Too short</b>", alertStatus: "SENT", alertSentAt: answeredAt });

    const { surveys } = await callerFor(prisma, host).getSession({ bookingId: booking.id });

    // One entry per attendee, in whatever order the checkout queued them.
    expect([...surveys].sort((a, b) => emails.indexOf(a.attendeeEmail) - emails.indexOf(b.attendeeEmail))).toEqual([
      { attendeeEmail: "queued@client.example", attendeeName: "queued", alertStatus: null, state: "QUEUED" },
      { attendeeEmail: "sent@client.example", attendeeName: "sent", alertStatus: null, state: "SENT", sentAt },
      { attendeeEmail: "cancelled@client.example", attendeeName: "cancelled", alertStatus: null, state: "CANCELLED", reason: "marked-absent" },
      { attendeeEmail: "failed@client.example", attendeeName: "failed", alertStatus: null, state: "FAILED", attempts: 5, lastError: "451 Try again later" },
      // The comment is the client's text as written; the dialog renders it as text.
      { attendeeEmail: "answered@client.example", attendeeName: "answered", alertStatus: "SENT", state: "ANSWERED", rating: 2, comment: "<b>Too short</b>", answeredAt, sentAt },
    ]);
  });

  it("never shows more than 500 characters of a failure reason", async () => {
    const host = await make.user();
    const booking = await checkedOutSession(host.id, [{ email: "long@client.example" }]);
    await setSurvey(booking.id, "long@client.example", { status: "FAILED", attempts: 5, lastError: "x".repeat(900) });
    const [survey] = (await callerFor(prisma, host).getSession({ bookingId: booking.id })).surveys;
    expect(survey).toMatchObject({ state: "FAILED", lastError: "x".repeat(500) });
  });

  it("a resend shows in the dialog at once: queued again, and Survey resent in History", async () => {
    const host = await make.user();
    const booking = await checkedOutSession(host.id, [{ email: "again@client.example" }]);
    await setSurvey(booking.id, "again@client.example", { status: "FAILED", attempts: 5, lastError: "boom" });
    const caller = callerFor(prisma, host);
    await caller.resendSurvey({ bookingId: booking.id, attendeeEmail: "again@client.example" });
    const details = await caller.getSession({ bookingId: booking.id });
    expect(details.surveys).toEqual([{ attendeeEmail: "again@client.example", attendeeName: "again", alertStatus: null, state: "QUEUED" }]);
    expect(details.history[0]).toMatchObject({ action: "SURVEY_RESENT", source: "MANUAL", details: { attendee: "again@client.example" }, actor: { type: "USER", userId: host.id } });
  });
});

describe("a client's ratings in their history", () => {
  it("shows the client's own rating and comment per session and their average, not another attendee's", async () => {
    const host = await make.user();
    const solo = await checkedOutSession(host.id, [{ email: "ada@client.example", name: "Ada" }]);
    const group = await checkedOutSession(host.id, [
      { email: "ada@client.example", name: "Ada" },
      { email: "bob@client.example", name: "Bob" },
    ]);
    const unanswered = await checkedOutSession(host.id, [{ email: "ada@client.example", name: "Ada" }]);
    const answeredAt = new Date();
    await setSurvey(solo.id, "ada@client.example", { status: "ANSWERED", rating: 4, comment: "Helpful.\nThank you.", answeredAt });
    await setSurvey(group.id, "ada@client.example", { status: "ANSWERED", rating: 5, answeredAt });
    await setSurvey(group.id, "bob@client.example", { status: "ANSWERED", rating: 1, comment: "Bob's comment", answeredAt });
    // Cal.com's booking rating of a group: everyone's mean (what the survey page writes).
    await prisma.booking.update({ where: { id: group.id }, data: { rating: 3 } });

    // The address as typed in a link: any case.
    const history = await callerFor(prisma, host).clientHistory({ attendeeEmail: "ADA@client.example" });

    const byId = new Map(history.sessions.map((session) => [session.bookingId, session]));
    expect(byId.get(solo.id)?.clientAnswer).toEqual({ rating: 4, comment: "Helpful.\nThank you.", answeredAt });
    expect(byId.get(group.id)?.clientAnswer).toEqual({ rating: 5, comment: null, answeredAt });
    expect(byId.get(group.id)?.rating).toBe(3);
    expect(byId.get(unanswered.id)?.clientAnswer).toBeNull();
    expect(history.totals).toMatchObject({ sessions: 3, rated: 2, averageRating: 4.5 });

    const bob = await callerFor(prisma, host).clientHistory({ attendeeEmail: "bob@client.example" });
    expect(bob.sessions.map((s) => s.clientAnswer)).toEqual([{ rating: 1, comment: "Bob's comment", answeredAt }]);
    expect(bob.totals).toMatchObject({ rated: 1, averageRating: 1 });
  });

  it("a client who never answered has no average", async () => {
    const host = await make.user();
    await checkedOutSession(host.id, [{ email: "quiet@client.example" }]);
    const history = await callerFor(prisma, host).clientHistory({ attendeeEmail: "quiet@client.example" });
    expect(history.totals).toMatchObject({ sessions: 1, rated: 0, averageRating: null });
    expect(history.sessions[0]?.clientAnswer).toBeNull();
  });

  it("another host's sessions with the same client count neither in the ratings nor in the average", async () => {
    const [host, other] = await Promise.all([make.user(), make.user()]);
    const mine = await checkedOutSession(host.id, [{ email: "shared@client.example" }]);
    const theirs = await checkedOutSession(other.id, [{ email: "shared@client.example" }]);
    await setSurvey(mine.id, "shared@client.example", { status: "ANSWERED", rating: 5, answeredAt: new Date() });
    await setSurvey(theirs.id, "shared@client.example", { status: "ANSWERED", rating: 1, comment: "Not for the other host", answeredAt: new Date() });
    const history = await callerFor(prisma, host).clientHistory({ attendeeEmail: "shared@client.example" });
    expect(history.sessions.map((s) => s.bookingId)).toEqual([mine.id]);
    expect(history.totals).toMatchObject({ rated: 1, averageRating: 5 });
  });
});

describe("withdrawn and unsubscribed, as the dialog says them", () => {
  it("a survey withdrawn by an undo says so after a new checkout; a client who unsubscribed is named with no survey", async () => {
    const host = await make.user({ name: "Dana Reyes" });
    await updateSettings(prisma, { userId: host.id, patch: { surveysEnabled: true } });
    await prisma.app_SessionCheckout_SurveyOptOut.create({ data: { hostUserId: host.id, email: "gone@client.example" } });
    const booking = await make.booking({ hostId: host.id, attendees: [{ email: "stays@client.example" }, { email: "Gone@Client.example", name: "Gone Client" }] });
    const actor = { kind: "user", userId: host.id } as const;
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor });
    await performSessionAction(prisma, { bookingId: booking.id, action: "undoCheckout", actor });
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor });
    const session = await callerFor(prisma, host).getSession({ bookingId: booking.id });
    expect(session.surveys).toEqual([expect.objectContaining({ attendeeEmail: "stays@client.example", state: "CANCELLED", reason: "checkout-undone" })]);
    expect(session.unsubscribedFromSurveys).toEqual(["gone@client.example"]);
  });
});
