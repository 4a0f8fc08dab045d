import { redirect } from "next/navigation";

import type { TrpcSessionUserData } from "@calcom/trpc/server";

import { getSessionUser } from "./session";

/** The signed-in user of a page, or a redirect to sign in and come back. */
export async function requirePageUser(path: string): Promise<TrpcSessionUserData> {
  const user = await getSessionUser();
  if (!user) redirect(`/auth/signin?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}
