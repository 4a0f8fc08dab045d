import { WebhookService } from "@calcom/features/webhooks/lib/WebhookService";
import type { PrismaClient } from "@calcom/prisma";

import { logSummary } from "../errors";
import { normalizeEmail } from "../transitions";

/*
 * What Cal.com's own no-show does after it has written (packages/features/handleMarkNoShow.ts):
 * BOOKING_NO_SHOW_UPDATED to the webhooks of the event type's owner, its team and the event type,
 * with Cal.com's payload (message, bookingUid, bookingId, the attendees asked about with their
 * flag), signed by Cal.com's sending module. Sent after commit and not awaited by the action: a
 * slow or failing receiver never holds up or undoes the no-show.
 */

export interface NoShowChange {
  bookingId: number;
  /** The attendees the host asked about (all of them when none were named), with their flag now. */
  attendees: ReadonlyArray<{ email: string; noShow: boolean }>;
}

export function noShowWebhookMessage(attendees: NoShowChange["attendees"]): string {
  if (attendees.length === 1) return `${attendees[0]!.email} ${attendees[0]!.noShow ? "marked as no-show" : "unmarked as no-show"}`;
  return "No-show updated";
}

export async function sendNoShowUpdated(db: PrismaClient, change: NoShowChange): Promise<void> {
  const booking = await db.booking.findUnique({ where: { id: change.bookingId }, select: { uid: true, eventType: { select: { id: true, teamId: true, userId: true } } } });
  if (!booking) return;
  const webhooks = await WebhookService.init({
    userId: booking.eventType?.userId,
    teamId: booking.eventType?.teamId,
    eventTypeId: booking.eventType?.id,
    triggerEvent: "BOOKING_NO_SHOW_UPDATED",
  });
  const attendees = change.attendees.map(({ email, noShow }) => ({ email, noShow }));
  await webhooks.sendPayload({ message: noShowWebhookMessage(attendees), bookingUid: booking.uid, bookingId: change.bookingId, attendees });
}

/** Fire and forget, logged: the change is saved whatever becomes of the webhook. */
export function notifyNoShowUpdated(db: PrismaClient, change: NoShowChange): void {
  void sendNoShowUpdated(db, change).catch((error: unknown) => console.error(`[session-checkout] BOOKING_NO_SHOW_UPDATED for booking ${change.bookingId} could not be sent: ${logSummary(error)}`));
}

/** The attendees an action asked about: those named, or every one. */
export function askedAbout(attendees: ReadonlyArray<{ email: string; noShow: boolean }>, named: ReadonlyArray<string> | undefined) {
  if (!named || named.length === 0) return attendees;
  const wanted = new Set(named.map(normalizeEmail));
  return attendees.filter((attendee) => wanted.has(normalizeEmail(attendee.email)));
}
