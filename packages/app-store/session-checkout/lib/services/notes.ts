import type { PrismaClient } from "@calcom/prisma";

import { mayAccessBooking } from "../booking-access";
import { bookingNotFound, NOTE_NOT_FOUND_MESSAGE, SessionCheckoutError } from "../errors";
import { databaseErrorCode } from "./database-error";

const noteSelect = { id: true, bookingId: true, body: true, createdAt: true, updatedAt: true } as const;

async function assertMayUseBooking(db: PrismaClient, callerId: number, bookingId: number): Promise<void> {
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { id: true, userId: true } });
  if (!booking || !(await mayAccessBooking(db, callerId, booking))) {
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
  try {
    return await db.app_SessionCheckout_Note.create({ data: { bookingId, authorId: callerId, body }, select: noteSelect });
  } catch (error) {
    // The booking was deleted between the check and the write (its foreign key is gone): not found, as for anyone.
    if (databaseErrorCode(error) === "23503" || (error as { code?: unknown } | null)?.code === "P2003") throw bookingNotFound();
    throw error;
  }
}

/** Author only: the write is conditional on the author, so anyone else finds nothing; one statement, so a delete in another tab cannot come between. */
export async function updateNote(db: PrismaClient, { callerId, noteId, body }: { callerId: number; noteId: number; body: string }) {
  const [note] = await db.$queryRaw<Array<{ id: number; bookingId: number; body: string; createdAt: Date; updatedAt: Date }>>`
    UPDATE "App_SessionCheckout_Note" SET "body" = ${body}, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = ${noteId} AND "authorId" = ${callerId}
    RETURNING "id", "bookingId", "body", "createdAt", "updatedAt"`;
  if (!note) throw new SessionCheckoutError("NOT_FOUND", NOTE_NOT_FOUND_MESSAGE);
  return note;
}

export async function deleteNote(db: PrismaClient, { callerId, noteId }: { callerId: number; noteId: number }) {
  const { count } = await db.app_SessionCheckout_Note.deleteMany({ where: { id: noteId, authorId: callerId } });
  if (count === 0) throw new SessionCheckoutError("NOT_FOUND", NOTE_NOT_FOUND_MESSAGE);
  return { ok: true as const };
}
