"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type IconName = "calendar" | "app" | "settings" | "store";

/** Small line icons in Cal.com's manner (16 px, stroke in the text's colour), drawn here: the host has no icon set. */
function NavIcon({ name }: { name: IconName }) {
  const paths: Record<IconName, string> = {
    calendar: "M3 6.5A1.5 1.5 0 0 1 4.5 5h11A1.5 1.5 0 0 1 17 6.5v9a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 15.5v-9ZM3 9h14M7 3v4M13 3v4",
    app: "M4 4h5v5H4zM11 4h5v5h-5zM4 11h5v5H4zM11 11h5v5h-5z",
    settings: "M4 6h12M4 10h12M4 14h12M7 4.5v3M13 8.5v3M9 12.5v3",
    store: "M3.5 7.5 5 4h10l1.5 3.5M3.5 7.5h13M3.5 7.5V16h13V7.5M8 11h4",
  };
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
      <path d={paths[name]} />
    </svg>
  );
}

/**
 * The main navigation: the host's pages and each installed app's (from the registry). A column in the
 * sidebar on wide screens, a wrapping row on a phone; the current page is marked as Cal.com marks it.
 */
export function ShellNav({ appLinks }: { appLinks: Array<{ href: string; label: string }> }) {
  const pathname = usePathname();
  const items: Array<{ href: string; label: string; icon: IconName; exact?: boolean }> = [
    { href: "/calendar", label: "Calendar", icon: "calendar" },
    ...appLinks.map((link) => ({ ...link, icon: "app" as const })),
    { href: "/settings/calendar/general", label: "Settings", icon: "settings" },
    // Exact: the apps' own pages live under /apps/<slug>/ and are items of their own.
    { href: "/apps", label: "App Store", icon: "store", exact: true },
  ];
  return (
    <nav aria-label="Main" className="order-last flex basis-full flex-wrap gap-1 md:order-none md:basis-auto md:flex-col md:flex-nowrap md:gap-0.5">
      {items.map((item) => {
        const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-default no-underline transition-colors hover:bg-subtle hover:text-emphasis aria-[current=page]:bg-emphasis aria-[current=page]:text-emphasis"
          >
            <NavIcon name={item.icon} />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
