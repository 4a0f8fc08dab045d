import { AppPageSlot } from "../../../../components/AppSlotArea";
import { HostShell } from "../../../../components/HostShell";
import { requirePageUser } from "../../../../lib/page-user";

export const dynamic = "force-dynamic";

export default async function AppPageRoute({ params }: { params: Promise<{ slug: string; path: string[] }> }) {
  const { slug, path } = await params;
  const user = await requirePageUser(`/apps/${slug}/${path.join("/")}`);
  return (
    <HostShell user={user}>
      <AppPageSlot slug={slug} path={path} timeZone={user.timeZone} />
    </HostShell>
  );
}
