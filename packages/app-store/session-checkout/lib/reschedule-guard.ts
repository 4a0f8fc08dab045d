import type { PrismaTransaction } from "@calcom/prisma";

import { SessionCheckoutError } from "./errors";

/**
 * Completed sessions are locked against drag and reschedule. Exported for the host: its
 * reschedule mutation calls this inside its own transaction, before moving the booking.
 */
export async function assertReschedulable(db: PrismaTransaction, bookingId: number): Promise<void> {
  const checkout = await db.app_SessionCheckout_Checkout.findUnique({ where: { bookingId }, select: { state: true } });
  if (checkout?.state === "ACTIVE") {
    throw new SessionCheckoutError("PRECONDITION_FAILED", "This session is Completed and can no longer be rescheduled. Undo the checkout first.");
  }
}

export { SessionCheckoutError };
