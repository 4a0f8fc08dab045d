import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { cookies } from "next/headers";

import { getPrisma } from "@calcom/prisma";
import type { TrpcSessionUserData } from "@calcom/trpc/server";

import { authOptions } from "./auth";

/** next-auth's leeway on a token's expiry, in seconds (its decode passes the same to jose). */
const CLOCK_TOLERANCE_S = 15;
/** How many decoded cookies and user rows each map keeps; past that, the oldest goes first. */
const REMEMBERED_LIMIT = 1_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  const oldest = map.size >= REMEMBERED_LIMIT ? map.keys().next().value : undefined;
  if (oldest !== undefined) map.delete(oldest);
  map.set(key, value);
}

const decoded = new Map<string, JWT>();

/**
 * next-auth's decode, remembered by the cookie's value: each decode derives the key again (HKDF)
 * and decrypts, ~0.3 ms a request. The cookie is authenticated encryption, so the same value is
 * the same payload; its expiry is still checked on every use. Bounded: the oldest goes first.
 */
async function rememberedDecode(params: JWTDecodeParams): Promise<JWT | null> {
  const token = params.token;
  if (!token) return null;
  const known = decoded.get(token);
  if (known && (typeof known.exp !== "number" || known.exp + CLOCK_TOLERANCE_S > Date.now() / 1000)) return known;
  decoded.delete(token);
  const payload = await decode(params);
  if (payload) remember(decoded, token, payload);
  return payload;
}

/** How long a user row read for a session is reused: a rename or a new time zone shows within it. */
const USER_FRESH_MS = 5_000;
const recentUsers = new Map<number, { user: Readonly<TrpcSessionUserData>; readAt: number }>();

/**
 * The user row behind a session, read at most once every few seconds per user: a host's page
 * sends a burst of calls, and each read was a round trip of its own (a third of a checkout's).
 * A user deleted meanwhile has no bookings or app left to act on (both go with the row). Bounded:
 * the oldest goes first.
 */
async function readUser(id: number): Promise<TrpcSessionUserData | null> {
  const known = recentUsers.get(id);
  if (known && Date.now() - known.readAt < USER_FRESH_MS) return known.user;
  recentUsers.delete(id);
  // A raw statement: Prisma compiles each findUnique it runs, on every request.
  const [user] = await getPrisma().$queryRaw<TrpcSessionUserData[]>`SELECT "id", "name", "email", "timeZone", "timeFormat" FROM "users" WHERE "id" = ${id}`;
  // Only users that exist are remembered; the row is shared by requests, so no one may change it.
  if (!user) return null;
  remember(recentUsers, id, { user: Object.freeze(user), readAt: Date.now() });
  return user;
}

/**
 * The signed-in user, from the database (name and time zone may have changed since sign-in; at most a few seconds old).
 * Only the session cookie is read, with next-auth's own `getToken` (the JWT decrypted and its expiry
 * checked): `getServerSession` would also make a CSRF token and re-encrypt a refreshed cookie that a
 * page or route here never sets — about half of a request's CPU on the checkout path. Next-auth's
 * callback-url cookie is never read, so one that is not a URL cannot fail the request. No headers
 * are passed: a session comes from the cookie only, never an Authorization header.
 */
export async function getSessionUser(): Promise<TrpcSessionUserData | null> {
  const jar = Object.fromEntries((await cookies()).getAll().map((cookie) => [cookie.name, cookie.value]));
  const request = { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req: request, secret: authOptions.secret, secureCookie: authOptions.useSecureCookies === true, decode: rememberedDecode });
  const id = Number(token?.sub);
  if (!Number.isInteger(id) || id <= 0) return null;
  return readUser(id);
}
