"use client";

import { signOut } from "next-auth/react";

import { Button } from "@calcom/ui/Button";

export function SignOutButton() {
  return (
    <Button variant="ghost" onClick={() => void signOut({ callbackUrl: "/auth/signin" })}>
      Sign out
    </Button>
  );
}
