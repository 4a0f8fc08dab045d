import { CalendarView } from "../../components/CalendarView";
import { HostShell, shellFor } from "../../components/HostShell";
import { requirePageUser } from "../../lib/page-user";

export const dynamic = "force-dynamic";

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ date?: string; booking?: string }> }) {
  const user = await requirePageUser("/calendar");
  const { date, booking } = await searchParams;
  // ?date=YYYY-MM-DD opens the calendar on that day's week (links from history, reports).
  const initialDate = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
  // &booking=<id> opens that booking's dialog (Cal.com's /booking/<uid> links land here).
  const initialBookingId = booking && /^\d{1,9}$/.test(booking) ? Number(booking) : undefined;
  return (
    <HostShell shell={await shellFor(user)}>
      <CalendarView userId={user.id} timeZone={user.timeZone} timeFormat={user.timeFormat} initialDate={initialDate} initialBookingId={initialBookingId} />
    </HostShell>
  );
}
