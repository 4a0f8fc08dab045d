import { AppPageSlot } from "../../../../components/AppSlotArea";
import { HostShell, shellFor } from "../../../../components/HostShell";
import { requirePageUser } from "../../../../lib/page-user";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AppPageRoute({ params, searchParams }: { params: Promise<{ slug: string; path: string[] }>; searchParams: Promise<SearchParams> }) {
  const { slug, path } = await params;
  const query = firstValues(await searchParams);
  const search = new URLSearchParams(query).toString();
  const user = await requirePageUser(`/apps/${slug}/${path.join("/")}${search ? `?${search}` : ""}`);
  return (
    <HostShell shell={await shellFor(user)}>
      <AppPageSlot slug={slug} path={path} searchParams={query} timeZone={user.timeZone} />
    </HostShell>
  );
}

function firstValues(params: SearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) values[name] = first;
  }
  return values;
}
