import type { PrismaClient } from "@calcom/prisma";

import { performSessionAction } from "../services/session-actions";
import { sessionSnapshotSelect, snapshotOf } from "../services/session-snapshot";
import { updateSettings } from "../services/settings";
import type { SessionStatus } from "../status";
import { sessionStatusOf, type SessionAction } from "../transitions";

const HALF_HOUR_MS = 30 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** The demo's auto-checkout showcases: sessions made to fall due shortly after the web app starts. */
export const AUTO_CHECKOUT_SHOWCASE_PREFIX = "demo-auto-checkout-";

/**
 * The app's side of the demo, made through the app's own services (so every checkout has its
 * audit entry and survey rows, as a real one would). Made once: when the demo hosts already have
 * the app's history or settings, a later start changes nothing — their choices stand, and what
 * fell due while the product was stopped is auto-checkout's to catch up, not the seed's.
 */
export async function seedSessionCheckoutDemo(
  prisma: PrismaClient,
  { hostIds, surveyHostIds, now = new Date() }: { hostIds: number[]; surveyHostIds: number[]; now?: Date },
): Promise<void> {
  const seededBefore =
    (await prisma.app_SessionCheckout_AuditEntry.count({ where: { booking: { userId: { in: hostIds } } } })) > 0 ||
    (await prisma.app_SessionCheckout_Settings.count({ where: { userId: { in: [...hostIds, ...surveyHostIds] } } })) > 0;
  if (seededBefore) return;
  for (const userId of surveyHostIds) {
    await updateSettings(prisma, { userId, patch: { surveysEnabled: true, autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 120 }, now });
  }

  const pastSessions = await prisma.booking.findMany({
    where: {
      userId: { in: hostIds },
      status: "ACCEPTED",
      endTime: { lt: new Date(now.getTime() - HALF_HOUR_MS) },
      sessionCheckoutAudit: { none: {} },
      // Auto-checkout's to complete, not the seed's.
      NOT: { uid: { startsWith: AUTO_CHECKOUT_SHOWCASE_PREFIX } },
    },
    select: { id: true, uid: true, userId: true, endTime: true, attendees: { select: { email: true }, orderBy: { id: "asc" } } },
    orderBy: { startTime: "asc" },
  });

  for (const session of pastSessions) {
    // Chosen by the booking itself, not its place in the list: a second run makes the same choice.
    const pick = stableNumber(session.uid);
    const actor = { kind: "user" as const, userId: session.userId! };
    const at = new Date(session.endTime.getTime() + HALF_HOUR_MS);
    const act = (action: SessionAction, attendeeEmails?: string[]) =>
      performSessionAction(prisma, { bookingId: session.id, action, actor, attendeeEmails, now: at });

    if (session.attendees.length > 1) {
      // Group session: one attendee did not come; the others were checked out (and surveyed).
      await act("markNoShow", [session.attendees[0]!.email]);
      await act("checkout");
    } else if (pick % 11 === 7) {
      await act("checkout");
      await act("undoCheckout");
    } else if (pick % 6 === 3) {
      await act("markNoShow");
    } else if (pick % 6 !== 5) {
      await act("checkout");
    }
  }

}

/**
 * The demo's auto-checkout showcase: a Confirmed session of the host's that falls due at `dueAt`
 * (its end is the host's delay before), so a person watching the calendar sees auto-checkout
 * complete it, with "Auto-checkout" in its History. The host's start script calls this right
 * before the web app starts. A showcase still waiting for a due time to come is reused; once one
 * has been completed, the next start makes a new one.
 */
export async function seedAutoCheckoutShowcase(prisma: PrismaClient, { hostId, dueAt }: { hostId: number; dueAt: Date }): Promise<AutoCheckoutShowcase | null> {
  const settings = await prisma.app_SessionCheckout_Settings.findUnique({ where: { userId: hostId } });
  // The host switched auto-checkout off: nothing to show.
  if (!settings?.autoCheckoutEnabled) return null;
  const delayMs = settings.autoCheckoutDelayMinutes * MINUTE_MS;
  const waiting = await prisma.booking.findFirst({
    where: { userId: hostId, uid: { startsWith: AUTO_CHECKOUT_SHOWCASE_PREFIX }, sessionCheckout: null, endTime: { gt: new Date(Date.now() - delayMs) } },
    select: { title: true, endTime: true },
  });
  const host = await prisma.user.findUniqueOrThrow({ where: { id: hostId }, select: { name: true, timeZone: true } });
  if (waiting) return { title: waiting.title, dueAt: new Date(waiting.endTime.getTime() + delayMs), hostTimeZone: host.timeZone };

  const eventType = await prisma.eventType.findFirst({ where: { userId: hostId }, orderBy: { id: "asc" } });
  const endTime = new Date(dueAt.getTime() - delayMs);
  const booking = await prisma.booking.create({
    data: {
      uid: `${AUTO_CHECKOUT_SHOWCASE_PREFIX}${dueAt.getTime()}`,
      title: `${eventType?.title ?? "Session"} between ${host.name} and Olivia Auto`,
      userId: hostId,
      eventTypeId: eventType?.id ?? null,
      status: "ACCEPTED",
      startTime: new Date(endTime.getTime() - (eventType?.length ?? 60) * MINUTE_MS),
      endTime,
      attendees: { create: [{ name: "Olivia Auto", email: "olivia@client.example", timeZone: "Europe/Paris" }] },
    },
  });
  return { title: booking.title, dueAt, hostTimeZone: host.timeZone };
}

export interface AutoCheckoutShowcase {
  title: string;
  dueAt: Date;
  hostTimeZone: string;
}

function stableNumber(text: string): number {
  return Array.from(text).reduce((sum, char, position) => sum + char.charCodeAt(0) * (position + 1), 0);
}

/** How many sessions of these hosts are in each status, as hosts see them. */
export async function countSessionsByStatus(prisma: PrismaClient, hostIds: number[]): Promise<Record<SessionStatus, number>> {
  const bookings = await prisma.booking.findMany({
    where: { userId: { in: hostIds } },
    select: sessionSnapshotSelect,
  });
  const counts: Record<SessionStatus, number> = { PENDING: 0, CANCELLED: 0, NO_SHOW: 0, COMPLETED: 0, CONFIRMED: 0 };
  for (const booking of bookings) {
    counts[sessionStatusOf(snapshotOf(booking))] += 1;
  }
  return counts;
}
