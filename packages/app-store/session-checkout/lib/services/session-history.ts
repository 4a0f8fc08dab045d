import type { PrismaClient } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";

import { mayAccessBooking } from "../booking-access";
import { bookingNotFound, SessionCheckoutError } from "../errors";
import { normalizeEmail } from "../transitions";

/** History entries per page: the dialog opens on the latest ones, "Show older entries" brings the next. */
export const HISTORY_PAGE_SIZE = 50;

/** Newest first; the id breaks ties between entries of the same instant, so a cursor never skips or repeats one. */
export const historyOrder: Prisma.App_SessionCheckout_AuditEntryOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

export const historySelect = {
  id: true,
  action: true,
  actorType: true,
  source: true,
  details: true,
  createdAt: true,
  actorUser: { select: { id: true, name: true } },
} satisfies Prisma.App_SessionCheckout_AuditEntrySelect;

type AuditRow = Prisma.App_SessionCheckout_AuditEntryGetPayload<{ select: typeof historySelect }>;

/** One entry as the host reads it: who did what, when; a client's own entry names the client as the host knows them. */
export function toHistoryEntry(entry: AuditRow, attendees: ReadonlyArray<{ email: string; name: string }>) {
  const attendee = typeof entry.details === "object" && entry.details !== null && "attendee" in entry.details && typeof entry.details.attendee === "string" ? entry.details.attendee : null;
  const clientName = (attendee && attendees.find((a) => normalizeEmail(a.email) === attendee)?.name) || "Client";
  return {
    id: entry.id,
    // Who a no-show change was about (a group's entry names them), by name where they are still attendees.
    attendeeNames: concernedEmails(entry.details).map((email) => attendees.find((a) => normalizeEmail(a.email) === email)?.name || email),
    action: entry.action,
    source: entry.source,
    at: entry.createdAt,
    details: entry.details,
    actor:
      entry.actorType === "USER"
        ? { type: entry.actorType, userId: entry.actorUser?.id ?? null, name: entry.actorUser?.name ?? "Deleted user" }
        : { type: entry.actorType, userId: null, name: entry.actorType === "AUTO_CHECKOUT" ? "Auto-checkout" : entry.actorType === "CLIENT" ? clientName : "System" },
  };
}

export type HistoryEntry = ReturnType<typeof toHistoryEntry>;

function concernedEmails(details: unknown): string[] {
  if (typeof details !== "object" || details === null || !("attendees" in details) || !Array.isArray(details.attendees)) return [];
  return details.attendees.filter((email): email is string => typeof email === "string").map(normalizeEmail);
}

/** A page of entries and the cursor of the next (older) one, from rows read with one more than a page. */
export function historyPage(rows: AuditRow[], attendees: ReadonlyArray<{ email: string; name: string }>) {
  const page = rows.slice(0, HISTORY_PAGE_SIZE);
  return { entries: page.map((row) => toHistoryEntry(row, attendees)), nextCursor: rows.length > HISTORY_PAGE_SIZE ? page.at(-1)!.id : null };
}

/** The entries older than `cursor` (an entry id of this session's history), or the latest, for whoever may see the session. */
export async function getSessionHistory(db: PrismaClient, { bookingId, callerId, cursor }: { bookingId: number; callerId: number; cursor?: number }) {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    select: { id: true, userId: true, attendees: { select: { email: true, name: true } } },
  });
  if (!booking || !(await mayAccessBooking(db, callerId, booking))) throw bookingNotFound();
  // The cursor must be an entry of this session: Prisma's own cursor would look the id up anywhere.
  const after = cursor === undefined ? null : await db.app_SessionCheckout_AuditEntry.findFirst({ where: { id: cursor, bookingId }, select: { id: true, createdAt: true } });
  if (cursor !== undefined && !after) throw new SessionCheckoutError("BAD_REQUEST", "This session's History changed since it was shown. Reload it.");
  const rows = await db.app_SessionCheckout_AuditEntry.findMany({
    // Older than the cursor entry in (createdAt, id) order: the page after it, none skipped or repeated.
    where: after ? { bookingId, OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : { bookingId },
    select: historySelect,
    orderBy: historyOrder,
    take: HISTORY_PAGE_SIZE + 1,
  });
  return historyPage(rows, booking.attendees);
}
