import Link from "next/link";
import type { ReactNode } from "react";

import { appNavigation, type AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";
import { getPrisma } from "@calcom/prisma";
import type { TrpcSessionUserData } from "@calcom/trpc/server";

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

/** The host's frame: its own pages, then the installed apps' (read by shellFor: a component, not async, as React 18's types want). */
export function HostShell({ shell: { user, appLinks }, children }: { shell: Shell; children: ReactNode }) {
  return (
    <div className="shell">
      <header className="topbar">
        <nav aria-label="Main">
          <Link href="/calendar">Calendar</Link>
          {appLinks.map((link) => (
            <Link key={link.href} href={link.href}>
              {link.label}
            </Link>
          ))}
          <Link href="/settings/calendar/general">Settings</Link>
          <Link href="/apps">App Store</Link>
        </nav>
        <span className="muted">
          {user.name} · {user.timeZone}
        </span>
        <SignOutButton />
      </header>
      <main>{children}</main>
    </div>
  );
}
