import { describe, expect, it } from "vitest";

import { findDueSessions } from "@calcom/app-store/session-checkout/lib/services/due-sessions";
import { performSessionAction } from "@calcom/app-store/session-checkout/lib/services/session-actions";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";
import { createCaller, createContext } from "@calcom/trpc/server";

import { handleIntegrationRequest } from "../../apps/web/lib/integrations";
import { callerFor, factories, minutesFromNow } from "../support/factories";
import { refusalOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";

const { prisma, url } = await useTestDatabase();
process.env.DATABASE_URL = url;
const make = factories(prisma);

describe("auto-checkout cannot be starved", () => {
  it("sessions it will always skip never fill the batch: with room for one, the due session is checked out", async () => {
    const host = await make.user();
    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 30 }, now: minutesFromNow(-20 * 60) });
    // Older than the due session, and never due: an all-no-show session and one that fell due before switching on.
    await make.booking({ hostId: host.id, startedMinutesAgo: 30 * 60, attendees: [{ email: "gone@client.example", noShow: true }] });
    await make.booking({ hostId: host.id, startedMinutesAgo: 21 * 60 + 60 });
    const due = await make.booking({ hostId: host.id, startedMinutesAgo: 3 * 60 });
    expect((await findDueSessions(prisma, { dueBy: new Date(), limit: 1 })).map((session) => session.bookingId)).toEqual([due.id]);
  });

  it("the rule under the lock still refuses a host who uninstalled, even when asked directly", async () => {
    const host = await make.user({ installed: false });
    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 30 }, now: minutesFromNow(-24 * 60) });
    const booking = await make.booking({ hostId: host.id, startedMinutesAgo: 5 * 60 });
    const refusal = await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "auto-checkout" }, method: "AUTO" }).catch((e: Error) => e);
    expect(refusal).toMatchObject({ code: "PRECONDITION_FAILED", message: "The host has not installed Session Checkout." });
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: booking.id } })).toBe(0);
  });
});

describe("attendees and clients are matched exactly", () => {
  it("two attendee rows with one email: marking the one that came works", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id, attendees: [{ email: "Pat@client.example", noShow: true }, { email: "pat@client.example" }, { email: "other@client.example" }] });
    const result = await callerFor(prisma, host).markNoShow({ bookingId: booking.id, attendeeEmails: ["pat@client.example"] });
    expect(result.status).toBe("CONFIRMED");
    expect((await prisma.attendee.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } })).map((a) => a.noShow)).toEqual([true, true, false]);
  });

  it("client history treats _ and % in an email as themselves, not wildcards", async () => {
    const host = await make.user();
    await make.booking({ hostId: host.id, attendees: [{ email: "john@client.example" }] });
    const exact = await make.booking({ hostId: host.id, attendees: [{ email: "j_hn@client.example" }] });
    const history = await callerFor(prisma, host).clientHistory({ attendeeEmail: "J_hn@client.example" });
    expect(history.sessions.map((s) => s.bookingId)).toEqual([exact.id]);
  });

  it("an out-of-date history cursor is a clear BAD_REQUEST, not page one again", async () => {
    const host = await make.user();
    await make.booking({ hostId: host.id, attendees: [{ email: "kim@client.example" }] });
    const error = await refusalOf(callerFor(prisma, host).clientHistory({ attendeeEmail: "kim@client.example", cursor: 999_999 }));
    expect([error.code, error.message]).toEqual(["BAD_REQUEST", "This client's history changed since it was loaded. Reload the page."]);
  });
});

describe("the calendar's lock is the server's lock", () => {
  it("a checked-out session marked no-show by Cal.com itself shows No Show and stays locked", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id });
    await callerFor(prisma, host).checkout({ bookingId: booking.id });
    await prisma.attendee.updateMany({ where: { bookingId: booking.id }, data: { noShow: true } });
    expect(await callerFor(prisma, host).sessionStatuses({ bookingIds: [booking.id] })).toEqual([
      { bookingId: booking.id, status: "NO_SHOW", statusLabel: "No Show", tone: "red", rescheduleLocked: true },
    ]);
  });
});

describe("installing", () => {
  it("two installs at the same moment leave one credential (one refusal, or both answered installed)", async () => {
    for (let round = 0; round < 10; round++) {
      const host = await make.user({ installed: false });
      const apps = createCaller(createContext({ prisma, user: host })).viewer.apps;
      const outcomes = await Promise.allSettled([apps.install({ slug: "session-checkout" }), apps.install({ slug: "session-checkout" })]);
      // Usually the second is refused; when the inserts commit out of id order both may answer installed.
      expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
      expect(await prisma.credential.count({ where: { userId: host.id, appId: "session-checkout" } })).toBe(1);
    }
  });

  it("a handler name that is only an inherited property is 404, not a crash", async () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      const response = await handleIntegrationRequest(new Request(`http://localhost/api/integrations/session-checkout/${name}`), { args: ["session-checkout", name], user: null, prisma });
      expect(response.status).toBe(404);
    }
  });
});

