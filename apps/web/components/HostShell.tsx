import Link from "next/link";
import type { ReactNode } from "react";

import type { TrpcSessionUserData } from "@calcom/trpc/server";

import { SignOutButton } from "./SignOutButton";

export function HostShell({ user, children }: { user: TrpcSessionUserData; children: ReactNode }) {
  return (
    <div className="shell">
      <header className="topbar">
        <nav aria-label="Main">
          <Link href="/calendar">Calendar</Link>
          <Link href="/apps/session-checkout/sessions">Sessions</Link>
          <Link href="/apps/session-checkout/reports">Reports</Link>
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
