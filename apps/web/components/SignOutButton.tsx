"use client";

import { signOut } from "next-auth/react";

import { Button } from "@calcom/ui/components/button";

export function SignOutButton() {
  return (
    <Button color="minimal" onClick={() => void signOut({ callbackUrl: "/auth/signin" })}>
      Sign out
    </Button>
  );
}
