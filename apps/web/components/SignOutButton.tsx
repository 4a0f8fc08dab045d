"use client";

import { signOut } from "next-auth/react";

import { Button } from "@calcom/ui/components/button";

/** At the sidebar's foot on wide screens (full width, as Cal.com's menu items), beside the user on a phone. */
export function SignOutButton() {
  return (
    <Button color="minimal" className="md:w-full md:justify-start" onClick={() => void signOut({ callbackUrl: "/auth/signin" })}>
      Sign out
    </Button>
  );
}
