import { describe, expect, it, vi } from "vitest";

import { EmbeddedJobRunner } from "@calcom/app-store/session-checkout/jobs/embedded-runner";
import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";
import { deliverDueSurveys, MAX_ATTEMPTS } from "@calcom/app-store/session-checkout/lib/services/survey-delivery";

import { callerFor, factories, sessionRows } from "../support/factories";
import { codeOf, refusalOf } from "../support/refusals";
import { useSmtpSink } from "../support/smtp-sink";
import { useTestDatabase } from "../support/test-database";

/*
 * The host's Resend of a failed survey, through the app's tRPC procedure on the real database:
 * who may, which surveys may go again, what a resend writes, and that the email then goes out once.
 */

const { prisma } = await useTestDatabase();
const make = factories(prisma);
const { sink, mailer, mailTo } = await useSmtpSink();
const deliver = (now = new Date()) => deliverDueSurveys(prisma, { ...mailer, now });

type Host = Awaited<ReturnType<typeof make.user>>;

/** A checked-out session of a host who sends surveys, its one survey marked FAILED as delivery leaves it. */
async function failedSurvey({ email = `client-${Math.random().toString(36).slice(2, 10)}@client.example`, host, eventTypeId }: { email?: string; host?: Host; eventTypeId?: number } = {}) {
  const owner = host ?? (await make.user({ name: "Dana Reyes" }));
  await updateSettings(prisma, { userId: owner.id, patch: { surveysEnabled: true } });
  const booking = await make.booking({ hostId: owner.id, eventTypeId, attendees: [{ email, name: "Ada Lovelace" }] });
  await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: owner.id } });
  await prisma.app_SessionCheckout_Survey.updateMany({ where: { bookingId: booking.id }, data: { status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "451 Try again later" } });
  return { host: owner, booking, email };
}

describe("resending a failed survey", () => {
  it("a stranger, a plain team member and a missing booking all get the same NOT_FOUND, and nothing changes", async () => {
    const [host, member, outsider] = await Promise.all([make.user(), make.user(), make.user()]);
    const team = await make.team([
      { userId: host.id, role: "MEMBER" },
      { userId: member.id, role: "MEMBER" },
    ]);
    const eventType = await make.eventType({ teamId: team.id });
    const { booking, email } = await failedSurvey({ host, eventTypeId: eventType.id });
    const before = await sessionRows(prisma, booking.id);

    const missing = await refusalOf(callerFor(prisma, outsider).resendSurvey({ bookingId: 2_000_000_000, attendeeEmail: email }));
    expect(missing.code).toBe("NOT_FOUND");
    for (const stranger of [outsider, member]) {
      const refusal = await refusalOf(callerFor(prisma, stranger).resendSurvey({ bookingId: booking.id, attendeeEmail: email }));
      expect([refusal.code, refusal.message]).toEqual([missing.code, missing.message]);
    }
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
  });

  it("the team's admin may resend a team session's survey; History names them", async () => {
    const [host, admin] = await Promise.all([make.user(), make.user()]);
    const team = await make.team([
      { userId: host.id, role: "MEMBER" },
      { userId: admin.id, role: "ADMIN" },
    ]);
    const eventType = await make.eventType({ teamId: team.id });
    const { booking, email } = await failedSurvey({ host, eventTypeId: eventType.id });
    await callerFor(prisma, admin).resendSurvey({ bookingId: booking.id, attendeeEmail: email });
    const entry = await prisma.app_SessionCheckout_AuditEntry.findFirstOrThrow({ where: { bookingId: booking.id, action: "SURVEY_RESENT" } });
    expect(entry).toMatchObject({ actorType: "USER", actorUserId: admin.id });
  });

  it("queues the survey again: QUEUED, no attempts, due now, no error; History says who resent it to whom", async () => {
    const { host, booking, email } = await failedSurvey({ email: "ada@client.example" });
    const before = new Date();
    // The address as the host may type it: the survey row is lower-cased.
    const result = await callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: "Ada@Client.Example" });
    const after = new Date();

    expect(result).toMatchObject({ bookingId: booking.id, attendeeEmail: email, status: "QUEUED" });
    const rows = await sessionRows(prisma, booking.id);
    expect(rows.surveys).toHaveLength(1);
    const survey = rows.surveys[0]!;
    expect(survey).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null, sentAt: null });
    expect(survey.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(survey.nextAttemptAt.getTime()).toBeLessThanOrEqual(after.getTime());
    const resent = rows.audit.filter((entry) => entry.action === "SURVEY_RESENT");
    expect(resent).toHaveLength(1);
    expect(resent[0]).toMatchObject({ actorType: "USER", actorUserId: host.id, source: "MANUAL", details: { attendee: email } });
    // The checkout is untouched.
    expect(rows.checkout).toMatchObject({ state: "ACTIVE" });
  });

  it("only a FAILED survey: queued, sent, answered and withdrawn ones are refused with a reason, and nothing changes", async () => {
    const cases = [
      { status: "QUEUED", message: "This survey is already queued: it goes out within a minute." },
      { status: "SENT", message: "This survey was already sent." },
      { status: "ANSWERED", message: "This client already answered the survey." },
      { status: "CANCELLED", message: expect.stringContaining("withdrawn before it was sent") },
    ] as const;
    for (const { status, message } of cases) {
      const { host, booking, email } = await failedSurvey();
      await prisma.app_SessionCheckout_Survey.updateMany({
        where: { bookingId: booking.id },
        data: { status, ...(status === "CANCELLED" ? { cancelReason: "checkout-undone" } : {}), ...(status === "ANSWERED" ? { rating: 4, answeredAt: new Date() } : {}), ...(status === "SENT" || status === "ANSWERED" ? { sentAt: new Date() } : {}) },
      });
      const before = await sessionRows(prisma, booking.id);
      const refusal = await refusalOf(callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: email }));
      expect([status, refusal.code, refusal.message]).toEqual([status, "CONFLICT", message]);
      expect(await sessionRows(prisma, booking.id)).toEqual(before);
    }
  });

  it("a client who unsubscribed from the host's surveys is refused, whatever the case of the address", async () => {
    const { host, booking } = await failedSurvey({ email: "gone@client.example" });
    await prisma.app_SessionCheckout_SurveyOptOut.create({ data: { hostUserId: host.id, email: "gone@client.example" } });
    const before = await sessionRows(prisma, booking.id);
    const refusal = await refusalOf(callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: "GONE@client.example" }));
    expect(refusal.code).toBe("CONFLICT");
    expect(refusal.message).toContain("The client unsubscribed from your surveys");
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
  });

  it("an opt-out from another host does not stop this host's resend", async () => {
    const other = await make.user();
    const { host, booking, email } = await failedSurvey();
    await prisma.app_SessionCheckout_SurveyOptOut.create({ data: { hostUserId: other.id, email } });
    expect(await codeOf(callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: email }))).toBe("OK");
  });

  it("refuses when the checkout was undone, the client is marked No Show, or the host switched surveys off", async () => {
    const undone = await failedSurvey();
    await performSessionAction(prisma, { bookingId: undone.booking.id, action: "undoCheckout", actor: { kind: "user", userId: undone.host.id } });
    const absent = await failedSurvey();
    await prisma.attendee.updateMany({ where: { bookingId: absent.booking.id }, data: { noShow: true } });
    const off = await failedSurvey();
    await updateSettings(prisma, { userId: off.host.id, patch: { surveysEnabled: false } });

    for (const [world, expected] of [
      [undone, "checkout was undone"],
      [absent, "marked No Show"],
      [off, "surveys are switched off"],
    ] as const) {
      const before = await sessionRows(prisma, world.booking.id);
      const refusal = await refusalOf(callerFor(prisma, world.host).resendSurvey({ bookingId: world.booking.id, attendeeEmail: world.email }));
      expect(refusal.code).toBe("CONFLICT");
      expect(refusal.message).toContain(expected);
      expect(await sessionRows(prisma, world.booking.id)).toEqual(before);
    }
  });

  it("bad input is BAD_REQUEST: an address with no survey on the session, not an email, far too long", async () => {
    const { host, booking } = await failedSurvey();
    const caller = callerFor(prisma, host);
    const before = await sessionRows(prisma, booking.id);
    const noSurvey = await refusalOf(caller.resendSurvey({ bookingId: booking.id, attendeeEmail: "nobody@client.example" }));
    expect([noSurvey.code, noSurvey.message]).toEqual(["BAD_REQUEST", "This client has no survey for this session."]);
    expect(await codeOf(caller.resendSurvey({ bookingId: booking.id, attendeeEmail: "not an email" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.resendSurvey({ bookingId: booking.id, attendeeEmail: `${"a".repeat(320)}@client.example` }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.resendSurvey({ bookingId: -1, attendeeEmail: "ada@client.example" }))).toBe("BAD_REQUEST");
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
  });

  it("a survey that failed for real goes out exactly once after the host resends it, and cannot be resent again", async () => {
    const host = await make.user({ name: "Dana Reyes" });
    await updateSettings(prisma, { userId: host.id, patch: { surveysEnabled: true } });
    const booking = await make.booking({ hostId: host.id, attendees: [{ email: "bounce@client.example", name: "Bo" }] });
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: host.id } });
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
    expect(await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(mailTo("bounce@client.example")).toHaveLength(0);

    await callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: "bounce@client.example" });
    const first = await deliver();
    const second = await deliver(new Date(Date.now() + 3_600_000));

    const survey = await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id } });
    expect(first.sent).toContain(survey.id);
    expect(second.sent).not.toContain(survey.id);
    expect(mailTo("bounce@client.example")).toHaveLength(1);
    expect(survey).toMatchObject({ status: "SENT", attempts: 1 });
    const refusal = await refusalOf(callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: "bounce@client.example" }));
    expect([refusal.code, refusal.message]).toEqual(["CONFLICT", "This survey was already sent."]);
  });

  it("in the running product the resent email goes out at once: the embedded runner follows the resend event", async () => {
    const runner = new EmbeddedJobRunner({ db: () => prisma, mailer: () => mailer, log: () => undefined });
    const { host, booking, email } = await failedSurvey({ email: "instant-resend@client.example" });
    runner.start({ everyMinute: false });
    try {
      await callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: email });
      await vi.waitFor(() => expect(mailTo(email)).toHaveLength(1), { timeout: 10_000 });
    } finally {
      await runner.stop();
    }
    expect(await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id } })).toMatchObject({ status: "SENT" });
  });

  it("two resends at once: one queues the survey, the other is told it is already queued", async () => {
    const { host, booking, email } = await failedSurvey();
    const caller = callerFor(prisma, host);
    const outcomes = await Promise.all([codeOf(caller.resendSurvey({ bookingId: booking.id, attendeeEmail: email })), codeOf(caller.resendSurvey({ bookingId: booking.id, attendeeEmail: email }))]);
    expect(outcomes.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: booking.id, action: "SURVEY_RESENT" } })).toBe(1);
  });
});
