import { describe, expect, it } from "vitest";

import { callerFor, factories, sessionRows } from "../support/factories";
import { codeOf, refusalOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";

const { prisma } = await useTestDatabase();
const make = factories(prisma);

/** A team booking hosted by `host`, with an admin, an owner, a plain member and an outsider around it. */
async function teamWorld() {
  const [host, admin, owner, member, pendingAdmin, outsider] = await Promise.all([
    make.user(), make.user(), make.user(), make.user(), make.user(), make.user(),
  ]);
  const team = await make.team([
    { userId: host.id, role: "MEMBER" },
    { userId: admin.id, role: "ADMIN" },
    { userId: owner.id, role: "OWNER" },
    { userId: member.id, role: "MEMBER" },
    { userId: pendingAdmin.id, role: "ADMIN", accepted: false },
  ]);
  const eventType = await make.eventType({ teamId: team.id });
  const booking = await make.booking({ hostId: host.id, eventTypeId: eventType.id });
  return { host, admin, owner, member, pendingAdmin, outsider, booking };
}

describe("who may act on a session", () => {
  it("another host, a plain team member and an unaccepted admin get NOT_FOUND for every procedure, and nothing changes", async () => {
    const { member, pendingAdmin, outsider, booking } = await teamWorld();
    const before = await sessionRows(prisma, booking.id);
    for (const stranger of [outsider, member, pendingAdmin]) {
      const caller = callerFor(prisma, stranger);
      const bookingId = booking.id;
      expect(await codeOf(caller.getSession({ bookingId }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.checkout({ bookingId }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.undoCheckout({ bookingId }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.markNoShow({ bookingId }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.clearNoShow({ bookingId }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.listNotes({ bookingId }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.addNote({ bookingId, body: "hello" }))).toBe("NOT_FOUND");
    }
    expect(await sessionRows(prisma, booking.id)).toEqual(before);
  });

  it("the refusal for a foreign booking is the same as for a booking that does not exist", async () => {
    const { outsider, booking } = await teamWorld();
    const caller = callerFor(prisma, outsider);
    const foreign = await refusalOf(caller.checkout({ bookingId: booking.id }));
    const missing = await refusalOf(caller.checkout({ bookingId: 2_000_000_000 }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
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

  it("a team admin has no power over a host's personal (non-team) booking", async () => {
    const { host, admin } = await teamWorld();
    const personal = await make.booking({ hostId: host.id });
    expect(await codeOf(callerFor(prisma, admin).checkout({ bookingId: personal.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(prisma, host).checkout({ bookingId: personal.id }))).toBe("OK");
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
