import type { Prisma } from "@calcom/prisma/client";
import type { BookingStatus } from "@calcom/prisma/enums";

import type { CheckoutState } from "../status";
import type { SessionSnapshot } from "../transitions";

/** What the rules read of a booking; spread it into a larger select where more is needed. */
export const sessionSnapshotSelect = {
  status: true,
  startTime: true,
  attendees: { select: { email: true, name: true, noShow: true }, orderBy: { id: "asc" } },
  sessionCheckout: { select: { state: true } },
} satisfies Prisma.BookingSelect;

interface SnapshotSource {
  status: BookingStatus;
  startTime: Date;
  attendees: ReadonlyArray<{ email: string; name: string; noShow: boolean | null }>;
  sessionCheckout: { state: CheckoutState } | null;
}

/** A booking row as the rules see it (Cal.com's nullable noShow read as "not marked"). */
export function snapshotOf(row: SnapshotSource): SessionSnapshot {
  return {
    bookingStatus: row.status,
    startTime: row.startTime,
    checkoutState: row.sessionCheckout?.state ?? null,
    attendees: row.attendees.map(({ email, name, noShow }) => ({ email, name, noShow: noShow === true })),
  };
}
