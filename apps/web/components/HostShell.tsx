import Link from "next/link";
import type { ReactNode } from "react";

import { appNavigation, type AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";
import { getPrisma } from "@calcom/prisma";
import type { TrpcSessionUserData } from "@calcom/trpc/server";

import { SignOutButton } from "./SignOutButton";

/** The host's frame: its own pages, then each installed app's pages from the registry (navigation.json). */
export async function HostShell({ user, children }: { user: TrpcSessionUserData; children: ReactNode }) {
  const installed = await getPrisma().credential.findMany({ where: { userId: user.id, appId: { not: null } }, select: { appId: true } });
  const appLinks = installed
    .map((credential) => credential.appId as AppStoreSlug)
    .filter((slug, index, all) => all.indexOf(slug) === index && appNavigation[slug])
    .sort()
    .flatMap((slug) => appNavigation[slug]!.map((entry) => ({ href: `/apps/${slug}/${entry.path}`, label: entry.label })));
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
