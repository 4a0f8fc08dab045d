import type { ReactNode } from "react";

import { appNavigation, type AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";
import { getPrisma } from "@calcom/prisma";
import type { TrpcSessionUserData } from "@calcom/trpc/server";

import { ShellNav } from "./ShellNav";
import { SignOutButton } from "./SignOutButton";

export interface Shell {
  user: TrpcSessionUserData;
  appLinks: Array<{ href: string; label: string }>;
}

/** What the frame shows for a user: each installed app's pages from the registry (navigation.json). */
export async function shellFor(user: TrpcSessionUserData): Promise<Shell> {
  const installed = await getPrisma().credential.findMany({ where: { userId: user.id, appId: { not: null } }, select: { appId: true } });
  const appLinks = installed
    .map((credential) => credential.appId as AppStoreSlug)
    .filter((slug, index, all) => all.indexOf(slug) === index && appNavigation[slug])
    .sort()
    .flatMap((slug) => appNavigation[slug]!.map((entry) => ({ href: `/apps/${slug}/${entry.path}`, label: entry.label })));
  return { user, appLinks };
}

/** The initials shown in the user's round badge, as Cal.com's avatar falls back to. */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");

/**
 * The host's frame, in Cal.com's shell: a sidebar on a muted grey (the user, the navigation, sign-out
 * at its foot) beside the page on white; on a phone the same parts as a top bar whose links wrap.
 * (Read by shellFor: a component, not async, as React 18's types want.)
 */
export function HostShell({ shell: { user, appLinks }, children }: { shell: Shell; children: ReactNode }) {
  const name = user.name ?? user.email;
  return (
    <div className="shell flex min-h-dvh flex-col bg-default text-default md:flex-row">
      <header className="topbar flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-subtle bg-cal-muted px-3 py-2 md:sticky md:top-0 md:h-dvh md:w-56 md:shrink-0 md:flex-col md:flex-nowrap md:items-stretch md:gap-4 md:border-b-0 md:border-r md:px-3 md:py-4">
        <div className="flex min-w-0 flex-1 items-center gap-2 md:flex-none md:px-1">
          <span aria-hidden="true" className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-emphasis text-xs font-semibold text-emphasis">
            {initials(name)}
          </span>
          <span className="min-w-0 leading-tight">
            <span className="block truncate text-sm font-semibold text-emphasis">{name}</span>
            <span className="block truncate text-xs text-subtle">{user.timeZone}</span>
          </span>
        </div>
        <ShellNav appLinks={appLinks} />
        <div className="md:mt-auto">
          <SignOutButton />
        </div>
      </header>
      <main className="min-w-0 flex-1 px-3 py-4 sm:px-4 md:px-6 md:py-6">{children}</main>
    </div>
  );
}
