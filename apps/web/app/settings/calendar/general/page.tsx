import { SettingsSlots } from "../../../../components/AppSlotArea";
import { HostShell, shellFor } from "../../../../components/HostShell";
import { requirePageUser } from "../../../../lib/page-user";

export const dynamic = "force-dynamic";

export default async function CalendarGeneralSettingsPage() {
  const user = await requirePageUser("/settings/calendar/general");
  return (
    <HostShell shell={await shellFor(user)}>
      <nav aria-label="Breadcrumb" className="muted">Settings › Calendar › General</nav>
      <h1>General</h1>
      <SettingsSlots timeZone={user.timeZone} />
    </HostShell>
  );
}
