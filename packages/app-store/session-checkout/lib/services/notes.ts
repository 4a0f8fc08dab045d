import type { PrismaClient } from "@calcom/prisma";

import { callerMayActOnBooking, ownershipOf } from "../access";
import { bookingNotFound, NOTE_NOT_FOUND_MESSAGE, SessionCheckoutError } from "../errors";

const noteSelect = { id: true, bookingId: true, body: true, createdAt: true, updatedAt: true } as const;

async function assertMayUseBooking(db: PrismaClient, callerId: number, bookingId: number): Promise<void> {
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { userId: true, eventType: { select: { teamId: true } } } });
  if (!booking || !(await callerMayActOnBooking(db, callerId, ownershipOf(booking)))) {
    throw bookingNotFound();
  }
}

/** The caller's own notes on a session, newest first. Other people's notes never leave the database. */
export async function listNotes(db: PrismaClient, { callerId, bookingId }: { callerId: number; bookingId: number }) {
  await assertMayUseBooking(db, callerId, bookingId);
  return db.app_SessionCheckout_Note.findMany({
    where: { bookingId, authorId: callerId },
    select: noteSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

export async function addNote(db: PrismaClient, { callerId, bookingId, body }: { callerId: number; bookingId: number; body: string }) {
  await assertMayUseBooking(db, callerId, bookingId);
  return db.app_SessionCheckout_Note.create({ data: { bookingId, authorId: callerId, body }, select: noteSelect });
}

/** Author only: the write is conditional on the author, so anyone else finds nothing. */
export async function updateNote(db: PrismaClient, { callerId, noteId, body }: { callerId: number; noteId: number; body: string }) {
  const { count } = await db.app_SessionCheckout_Note.updateMany({ where: { id: noteId, authorId: callerId }, data: { body } });
  if (count === 0) throw new SessionCheckoutError("NOT_FOUND", NOTE_NOT_FOUND_MESSAGE);
  return db.app_SessionCheckout_Note.findUniqueOrThrow({ where: { id: noteId }, select: noteSelect });
}

export async function deleteNote(db: PrismaClient, { callerId, noteId }: { callerId: number; noteId: number }) {
  const { count } = await db.app_SessionCheckout_Note.deleteMany({ where: { id: noteId, authorId: callerId } });
  if (count === 0) throw new SessionCheckoutError("NOT_FOUND", NOTE_NOT_FOUND_MESSAGE);
  return { ok: true as const };
}
