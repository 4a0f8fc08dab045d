import { redirect } from "next/navigation";

import { CalendarView } from "../../components/CalendarView";
import { HostShell } from "../../components/HostShell";
import { getSessionUser } from "../../lib/session";

export const dynamic = "force-dynamic";

export default async function CalendarPage() {
  const user = await getSessionUser();
  if (!user) redirect("/auth/signin?callbackUrl=/calendar");
  return (
    <HostShell user={user}>
      <CalendarView timeZone={user.timeZone} />
    </HostShell>
  );
}
