import type { GetServerSidePropsContext } from "next";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";

import { getPrisma } from "@calcom/prisma";
import type { TrpcSessionUserData } from "@calcom/trpc/server";

import { authOptions } from "./auth";
import { isCallbackCookie } from "./safe-callback";

/**
 * The signed-in user, fresh from the database (name and time zone may have changed since sign-in).
 * The session is read from the request's cookies without next-auth's callback-url cookie: reading
 * a session never needs it, and one that is not a URL makes next-auth fail the whole request.
 */
export async function getSessionUser(): Promise<TrpcSessionUserData | null> {
  const jar = Object.fromEntries((await cookies()).getAll().filter((cookie) => !isCallbackCookie(cookie.name)).map((cookie) => [cookie.name, cookie.value]));
  const request = { headers: Object.fromEntries(await headers()), cookies: jar } as unknown as GetServerSidePropsContext["req"];
  // A refreshed session cookie would be set here; pages cannot set cookies, so it is dropped (as before).
  const response = { getHeader: () => undefined, setHeader: () => undefined } as unknown as GetServerSidePropsContext["res"];
  const session = await getServerSession(request, response, authOptions);
  const id = (session?.user as { id?: number } | undefined)?.id;
  if (!id || !Number.isInteger(id)) return null;
  return getPrisma().user.findUnique({ where: { id }, select: { id: true, name: true, email: true, timeZone: true } });
}
