import { describe, expect, it } from "vitest";

import { lockSessionsForChange } from "../../packages/app-store/session-checkout/lib/services/locked-session";
import { callerFor, factories, sessionRows } from "../support/factories";
import { codeOf, refusalOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

/** A team booking hosted by `host`, with an admin, an owner, a plain member and an outsider around it. */
async function teamWorld() {
  const [host, admin, owner, member, outsider] = await Promise.all([make.user(), make.user(), make.user(), make.user(), make.user()]);
  const team = await make.team([
    { userId: host.id, role: "MEMBER" },
    { userId: admin.id, role: "ADMIN" },
    { userId: owner.id, role: "OWNER" },
    { userId: member.id, role: "MEMBER" },
  ]);
  const eventType = await make.eventType({ teamId: team.id });
  const booking = await make.booking({ hostId: host.id, eventTypeId: eventType.id });
  return { host, admin, owner, member, outsider, booking };
}

/** Every session procedure that names a booking, as `who` calls it: the tRPC code of each answer. */
async function codesFor(who: Parameters<typeof callerFor>[1] & {}, bookingId: number) {
  const caller = callerFor(prisma, who);
  return [
    await codeOf(caller.getSession({ bookingId })),
    await codeOf(caller.sessionHistory({ bookingId })),
    await codeOf(caller.checkout({ bookingId })),
    await codeOf(caller.undoCheckout({ bookingId })),
    await codeOf(caller.markNoShow({ bookingId })),
    await codeOf(caller.clearNoShow({ bookingId })),
    await codeOf(caller.listNotes({ bookingId })),
    await codeOf(caller.addNote({ bookingId, body: "hello" })),
  ];
}
const ALL_NOT_FOUND = Array(8).fill("NOT_FOUND");

/** `who` may act: the dialog opens, and a checkout and its undo go through. */
async function mayAct(who: Parameters<typeof callerFor>[1] & {}, bookingId: number) {
  const caller = callerFor(prisma, who);
  expect((await caller.getSession({ bookingId })).bookingId).toBe(bookingId);
  expect((await caller.checkout({ bookingId })).status).toBe("COMPLETED");
  expect(await codeOf(caller.undoCheckout({ bookingId }))).toBe("OK");
}

/*
 * Who may act is Cal.com's rule, BookingAccessService (its five cases), asked by the app; the
 * stand-in decides them as Cal.com does without PBAC (roles: OWNER or ADMIN of the team or of its
 * organization).
 */
describe("who may act on a session", () => {
  it("another host, a plain team member and an admin of an unrelated team get NOT_FOUND for every procedure, and nothing changes", async () => {
    const { member, outsider, booking } = await teamWorld();
    const unrelatedAdmin = await make.user();
    await make.team([{ userId: unrelatedAdmin.id, role: "ADMIN" }]);
    const before = await sessionRows(prisma, booking.id);
    for (const stranger of [outsider, member, unrelatedAdmin]) expect(await codesFor(stranger, booking.id)).toEqual(ALL_NOT_FOUND);
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
  });

  it("the refusal for a foreign booking is the same as for a booking that does not exist", async () => {
    const { outsider, booking } = await teamWorld();
    const caller = callerFor(prisma, outsider);
    const foreign = await refusalOf(caller.checkout({ bookingId: booking.id }));
    const missing = await refusalOf(caller.checkout({ bookingId: 2_000_000_000 }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
  });

  it("the organizer may act on their booking", async () => {
    const { host, booking } = await teamWorld();
    await mayAct(host, booking.id);
  });

  it("the team's admin and owner may act on the team's booking; the audit names them", async () => {
    const { admin, owner, booking } = await teamWorld();
    await callerFor(prisma, admin).checkout({ bookingId: booking.id });
    await callerFor(prisma, owner).undoCheckout({ bookingId: booking.id });
    const audit = await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ["CHECKED_OUT", admin.id],
      ["CHECKOUT_UNDONE", owner.id],
    ]);
  });

  it("a host of a multi-host booking may act on it; a host of the event type who is not on this booking may not", async () => {
    const [organizer, coHost, otherHost] = await Promise.all([make.user(), make.user(), make.user()]);
    const team = await make.team([organizer, coHost, otherHost].map((u) => ({ userId: u.id, role: "MEMBER" as const })));
    const eventType = await make.eventType({ teamId: team.id, hosts: [organizer.id, coHost.id, otherHost.id] });
    // Cal.com books a collective event's other hosts as attendees of the organizer's booking.
    const booking = await make.booking({ hostId: organizer.id, eventTypeId: eventType.id, attendees: [{ email: "client@client.example" }, { email: coHost.email }] });
    expect(await codesFor(otherHost, booking.id)).toEqual(ALL_NOT_FOUND);
    await mayAct(coHost, booking.id);
  });

  it("an admin of a managed event type's team may act on a member's booking of its copy; a plain member of that team may not", async () => {
    const [host, parentTeamAdmin, plainMember] = await Promise.all([make.user(), make.user(), make.user()]);
    const team = await make.team([
      { userId: host.id, role: "MEMBER" },
      { userId: parentTeamAdmin.id, role: "ADMIN" },
      { userId: plainMember.id, role: "MEMBER" },
    ]);
    const managed = await make.eventType({ teamId: team.id });
    const copy = await make.eventType({ userId: host.id, parentId: managed.id });
    const booking = await make.booking({ hostId: host.id, eventTypeId: copy.id });
    expect(await codesFor(plainMember, booking.id)).toEqual(ALL_NOT_FOUND);
    await mayAct(parentTeamAdmin, booking.id);
  });

  it("an organization's admin may act on a personal booking of a user of the organization, and on its teams' bookings", async () => {
    const [host, orgAdmin, orgMember] = await Promise.all([make.user(), make.user(), make.user()]);
    const org = await make.team([{ userId: orgAdmin.id, role: "ADMIN" }, { userId: host.id, role: "MEMBER" }, { userId: orgMember.id, role: "MEMBER" }], { isOrganization: true });
    await prisma.user.update({ where: { id: host.id }, data: { organizationId: org.id } });
    const personal = await make.booking({ hostId: host.id });
    expect(await codesFor(orgMember, personal.id)).toEqual(ALL_NOT_FOUND);
    await mayAct(orgAdmin, personal.id);

    const orgTeam = await make.team([{ userId: host.id, role: "MEMBER" }], { parentId: org.id });
    const teamBooking = await make.booking({ hostId: host.id, eventTypeId: (await make.eventType({ teamId: orgTeam.id })).id });
    await mayAct(orgAdmin, teamBooking.id);
  });

  it("the lock holds a booking to the organizer and event type the access check saw: one reassigned since is not locked", async () => {
    const { host, admin, booking } = await teamWorld();
    const actor = { kind: "user" as const, userId: admin.id };
    const seen = { userId: host.id, eventTypeId: booking.eventTypeId };
    const lockedAsSeen = await prisma.$transaction((tx) => lockSessionsForChange(tx, [booking.id], actor, { checkedOwnership: seen }));
    expect(lockedAsSeen.map((s) => s.bookingId)).toEqual([booking.id]);
    // Reassigned to another host after the check: the old answer does not reach the row.
    const otherHost = await make.user();
    await prisma.booking.update({ where: { id: booking.id }, data: { userId: otherHost.id } });
    const lockedAfter = await prisma.$transaction((tx) => lockSessionsForChange(tx, [booking.id], actor, { checkedOwnership: seen }));
    expect(lockedAfter).toEqual([]);
  });

  it("as Cal.com: an admin of a team the organizer has joined may act on the organizer's personal booking", async () => {
    const { host, admin } = await teamWorld();
    const personal = await make.booking({ hostId: host.id });
    await mayAct(admin, personal.id);
  });

  it("signed-out callers get UNAUTHORIZED", async () => {
    const { booking } = await teamWorld();
    const caller = callerFor(prisma, null);
    expect(await codeOf(caller.getSession({ bookingId: booking.id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(caller.checkout({ bookingId: booking.id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(caller.getSettings())).toBe("UNAUTHORIZED");
  });
});

describe("private notes", () => {
  it("are visible to, editable and deletable by their author only", async () => {
    const { host, admin, booking } = await teamWorld();
    const hostNotes = callerFor(prisma, host);
    const adminNotes = callerFor(prisma, admin);

    const hostNote = await hostNotes.addNote({ bookingId: booking.id, body: "Host's private note" });
    const adminNote = await adminNotes.addNote({ bookingId: booking.id, body: "Admin's private note" });

    expect((await hostNotes.listNotes({ bookingId: booking.id })).map((n) => n.body)).toEqual(["Host's private note"]);
    expect((await adminNotes.listNotes({ bookingId: booking.id })).map((n) => n.body)).toEqual(["Admin's private note"]);

    expect(await codeOf(adminNotes.updateNote({ noteId: hostNote.id, body: "overwritten" }))).toBe("NOT_FOUND");
    expect(await codeOf(adminNotes.deleteNote({ noteId: hostNote.id }))).toBe("NOT_FOUND");
    expect(await prisma.app_SessionCheckout_Note.findUniqueOrThrow({ where: { id: hostNote.id } })).toMatchObject({ body: "Host's private note" });

    const edited = await hostNotes.updateNote({ noteId: hostNote.id, body: "Follow up on homework" });
    expect(edited.body).toBe("Follow up on homework");
    expect(await hostNotes.deleteNote({ noteId: hostNote.id })).toEqual({ ok: true });
    expect(await hostNotes.listNotes({ bookingId: booking.id })).toEqual([]);
    expect(await prisma.app_SessionCheckout_Note.count({ where: { id: adminNote.id } })).toBe(1);
  });

  it("can be written on a session in any status, before and after checkout, newest first", async () => {
    const host = await make.user();
    const notes = callerFor(prisma, host);
    const cancelled = await make.booking({ hostId: host.id, status: "CANCELLED" });
    await notes.addNote({ bookingId: cancelled.id, body: "Client cancelled twice" });
    const booking = await make.booking({ hostId: host.id });
    await notes.addNote({ bookingId: booking.id, body: "Before" });
    await notes.checkout({ bookingId: booking.id });
    await notes.addNote({ bookingId: booking.id, body: "After <script>alert(1)</script>" });
    expect((await notes.listNotes({ bookingId: booking.id })).map((n) => n.body)).toEqual(["After <script>alert(1)</script>", "Before"]);
  });
});
