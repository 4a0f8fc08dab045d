import { describe, expect, it } from "vitest";

import { callerFor, factories, sessionRows } from "../support/factories";
import { refusalOf as refusal } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

describe("bad input gets a clear, typed error and changes nothing", () => {
  it("wrong types and malformed ids are BAD_REQUEST", async () => {
    const host = await make.user();
    const caller = callerFor(prisma, host);
    // Deliberately wrong shapes, as a hand-written HTTP request could send them.
    const untyped = caller as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    for (const input of [{ bookingId: "12" }, { bookingId: 1.5 }, { bookingId: -3 }, {}, null]) {
      expect((await refusal(untyped.checkout!(input))).code).toBe("BAD_REQUEST");
    }
    expect((await refusal(untyped.markNoShow!({ bookingId: 1, attendeeEmails: ["not-an-email"] }))).code).toBe("BAD_REQUEST");
  });

  it("bad input is answered in words naming the field, never zod's issue list as JSON", async () => {
    const host = await make.user();
    const untyped = callerFor(prisma, host) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    expect((await refusal(untyped.checkout!({ bookingId: 2_147_483_648 }))).message).toBe("bookingId is out of range.");
    expect((await refusal(untyped.checkout!({}))).message).toBe("bookingId is required.");
    expect((await refusal(untyped.addNote!({ bookingId: 1, body: "a\u0000b" }))).message).toBe("A note cannot contain a NUL character.");
    expect((await refusal(untyped.getSession!({ bookingId: "12" }))).message).toBe("bookingId must be a number.");
    expect((await refusal(untyped.reports!({ from: "2026-01-01" }))).message).toBe("to: Required");
  });

  it("an unknown booking id is NOT_FOUND", async () => {
    const host = await make.user();
    const error = await refusal(callerFor(prisma, host).checkout({ bookingId: 987_654_321 }));
    expect([error.code, error.message]).toEqual(["NOT_FOUND", "Session not found."]);
  });

  it("an attendee who is not on the session is BAD_REQUEST naming the email", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id, attendees: [{ email: "on@client.example" }] });
    const before = await sessionRows(prisma, booking.id);
    const error = await refusal(callerFor(prisma, host).markNoShow({ bookingId: booking.id, attendeeEmails: ["stranger@client.example"] }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("stranger@client.example");
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
  });

  it("a delay outside 30, 60, 120, 240, 480, 1440 minutes is refused by the API and by the database", async () => {
    const host = await make.user();
    const caller = callerFor(prisma, host);
    const untyped = caller as unknown as { updateSettings: (input: unknown) => Promise<unknown> };
    for (const delay of [0, 45, 90, 1441, -30, "120"]) {
      const error = await refusal(untyped.updateSettings({ autoCheckoutDelayMinutes: delay }));
      expect(error.code).toBe("BAD_REQUEST");
    }
    expect((await refusal(untyped.updateSettings({ unknownSetting: true }))).code).toBe("BAD_REQUEST");
    expect(await prisma.app_SessionCheckout_Settings.count({ where: { userId: host.id } })).toBe(0);

    for (const delay of [30, 60, 120, 240, 480, 1440] as const) {
      expect((await caller.updateSettings({ autoCheckoutDelayMinutes: delay })).autoCheckoutDelayMinutes).toBe(delay);
    }
    await expect(prisma.app_SessionCheckout_Settings.update({ where: { userId: host.id }, data: { autoCheckoutDelayMinutes: 45 } })).rejects.toThrow(
      /App_SessionCheckout_Settings_delay_allowed|check constraint/i,
    );
  });

  it("the delay error says which values are allowed, as a field error", async () => {
    const host = await make.user();
    const untyped = callerFor(prisma, host) as unknown as { updateSettings: (input: unknown) => Promise<unknown> };
    const error = await refusal(untyped.updateSettings({ autoCheckoutDelayMinutes: 45 }));
    expect(error.message).toContain("30, 60, 120, 240, 480, 1440");
  });

  it("notes: empty, blank or over 10,000 characters are refused; exactly 10,000 (even of emoji) is kept", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id });
    const caller = callerFor(prisma, host);
    for (const body of ["", "   \n\t", "x".repeat(10_001), "😀".repeat(10_001)]) {
      const error = await refusal(caller.addNote({ bookingId: booking.id, body }));
      expect(error.code).toBe("BAD_REQUEST");
    }
    expect(await prisma.app_SessionCheckout_Note.count({ where: { bookingId: booking.id } })).toBe(0);

    const longest = await caller.addNote({ bookingId: booking.id, body: "😀".repeat(10_000) });
    expect([...longest.body]).toHaveLength(10_000);
    const error = await refusal(caller.updateNote({ noteId: longest.id, body: "y".repeat(10_001) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect((await prisma.app_SessionCheckout_Note.findUniqueOrThrow({ where: { id: longest.id } })).body).toBe("😀".repeat(10_000));
    // The database holds the limit even for writes that bypass the API.
    await expect(prisma.app_SessionCheckout_Note.create({ data: { bookingId: booking.id, authorId: host.id, body: "z".repeat(10_001) } })).rejects.toThrow();
  });
});

describe("settings", () => {
  it("start with the defaults, persist, and record when auto-checkout was switched on", async () => {
    const host = await make.user();
    const caller = callerFor(prisma, host);
    expect(await caller.getSettings()).toEqual({ autoCheckoutEnabled: false, autoCheckoutDelayMinutes: 120, autoCheckoutEnabledAt: null, autoCheckoutEndedAfter: null, surveysEnabled: false, surveyAlertThreshold: 2 });

    const before = Date.now();
    const on = await caller.updateSettings({ autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 60 });
    expect(on.autoCheckoutEnabledAt!.getTime()).toBeGreaterThanOrEqual(before);
    // Other changes while on keep the moment it was switched on.
    const later = await caller.updateSettings({ surveysEnabled: true, autoCheckoutDelayMinutes: 240, surveyAlertThreshold: 3 });
    expect(later.autoCheckoutEnabledAt).toEqual(on.autoCheckoutEnabledAt);
    // The no-back-fill line stays where switching on put it (then minus the 60-minute delay).
    expect(await caller.getSettings()).toEqual({
      autoCheckoutEnabled: true,
      autoCheckoutDelayMinutes: 240,
      autoCheckoutEnabledAt: on.autoCheckoutEnabledAt,
      autoCheckoutEndedAfter: new Date(on.autoCheckoutEnabledAt!.getTime() - 60 * 60_000),
      surveysEnabled: true,
      surveyAlertThreshold: 3,
    });
    // The threshold is one of 0–5, and a refusal names the range.
    for (const surveyAlertThreshold of [-1, 6, 2.5]) {
      await expect(caller.updateSettings({ surveyAlertThreshold } as { surveyAlertThreshold: 2 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("from 0 (no alerts) to 5") });
    }

    await caller.updateSettings({ autoCheckoutEnabled: false });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await caller.updateSettings({ autoCheckoutEnabled: true });
    expect(again.autoCheckoutEnabledAt!.getTime()).toBeGreaterThan(on.autoCheckoutEnabledAt!.getTime());
  });
});
