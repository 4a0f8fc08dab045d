"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@calcom/ui/components/button";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="signin-form"
      // Never a GET: should the script not run, the password must not end up in the address bar.
      method="post"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setBusy(true);
        setError(null);
        const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
        setBusy(false);
        if (result?.ok) router.push(callbackUrl);
        // A refusal with its own message (too many attempts) says what to do; otherwise the usual one.
        else setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "That email and password do not match an account.");
      }}
    >
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <Button type="submit" loading={busy}>
        Sign in
      </Button>
    </form>
  );
}
