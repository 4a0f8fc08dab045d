import { notFound, redirect } from "next/navigation";

import { BookingAccessService } from "@calcom/features/bookings/services/BookingAccessService";
import { getPrisma } from "@calcom/prisma";

import { requirePageUser } from "../../../lib/page-user";

export const dynamic = "force-dynamic";

/**
 * Cal.com's booking page, /booking/<uid> (emails link to it). In this stand-in it opens the booking
 * in the host's calendar: that day's week, with the booking's dialog open.
 */
export default async function BookingPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const user = await requirePageUser(`/booking/${encodeURIComponent(uid)}`);
  const booking = uid.length <= 255 ? await getPrisma().booking.findUnique({ where: { uid }, select: { id: true, userId: true, startTime: true } }) : null;
  // Whoever Cal.com lets see the booking: its organizer (from the row just read), a co-host, the team's admins (as from a team's Sessions list).
  if (!booking) notFound();
  if (booking.userId !== user.id && !(await new BookingAccessService(getPrisma()).doesUserIdHaveAccessToBooking({ userId: user.id, bookingUid: uid }))) notFound();
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: user.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(booking.startTime);
  redirect(`/calendar?date=${day}&booking=${booking.id}`);
}
