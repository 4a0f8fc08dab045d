import { AppStore } from "../../components/AppStore";
import { HostShell, shellFor } from "../../components/HostShell";
import { requirePageUser } from "../../lib/page-user";

export const dynamic = "force-dynamic";

export default async function AppStorePage() {
  const user = await requirePageUser("/apps");
  return (
    <HostShell shell={await shellFor(user)}>
      <h1>App Store</h1>
      <AppStore />
    </HostShell>
  );
}
