import NextAuth from "next-auth";
import { cookies } from "next/headers";

import { authOptions } from "../../../../lib/auth";
import { readCappedBody, tooLargeMessage, withBody } from "../../../../lib/body-limit";
import { clientAddress } from "../../../../lib/client-address";
import { isCallbackCookie, isUsableCallback } from "../../../../lib/safe-callback";
import { signInAddress, takeSignInAttempt } from "../../../../lib/sign-in-limiter";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

const nextAuth = NextAuth(authOptions) as (request: Request, context: RouteContext) => Promise<Response>;

/**
 * next-auth answers 500 to a callbackUrl (query or cookie) that is not a URL: such a value is the
 * visitor's mistake or mischief, so it is dropped (the cookie deleted in the browser too) and
 * next-auth falls back to the site. URLs of other sites are turned back by authOptions' redirect.
 */
async function withoutBadCallback(request: Request, body: Uint8Array<ArrayBuffer> | null) {
  const jar = await cookies();
  for (const cookie of jar.getAll()) if (isCallbackCookie(cookie.name) && !isUsableCallback(cookie.value)) jar.delete(cookie.name);
  const url = new URL(request.url);
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isUsableCallback(callbackUrl)) url.searchParams.delete("callbackUrl");
  return withBody(request, body, url);
}

async function get(request: Request, context: RouteContext): Promise<Response> {
  return nextAuth(await withoutBadCallback(request, null), context);
}

/** A sign-in form is a few hundred bytes. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

async function post(request: Request, context: RouteContext): Promise<Response> {
  const body = await readCappedBody(request, MAX_AUTH_BODY_BYTES);
  if (body === "too-large") return Response.json({ message: tooLargeMessage(MAX_AUTH_BODY_BYTES) }, { status: 413 });
  const forwarded = await withoutBadCallback(request, body);
  const [action, provider] = (await context.params).nextauth;
  if (action === "callback" && provider === "credentials") {
    const address = signInEmail(request.headers.get("content-type"), body);
    // Counted before the password is checked: a flood of guesses costs no bcrypt work once refused.
    const allowance = await takeSignInAttempt(address, clientAddress(request.headers.get("x-forwarded-for")));
    if (!allowance.ok) {
      // next-auth's own answer shape ({ url } with the error), so its signIn() shows the message.
      const url = new URL("/auth/signin", request.url);
      url.searchParams.set("error", allowance.message);
      return Response.json({ url: url.toString(), message: allowance.message }, { status: 429, headers: { "retry-after": String(allowance.retryAfterSeconds) } });
    }
  }
  return nextAuth(forwarded, context);
}

/**
 * The email next-auth will check, read the way it reads the body (next-auth/next/utils getBody):
 * JSON when the type mentions application/json, else the form with the last value of a repeated
 * field. Any other reading would count one address while another's password is tried.
 */
function signInEmail(contentType: string | null, body: Uint8Array<ArrayBuffer> | null): string {
  const text = body ? new TextDecoder().decode(body) : "";
  let email: unknown;
  try {
    email = contentType?.includes("application/json") ? (JSON.parse(text) as { email?: unknown })?.email : Object.fromEntries(new URLSearchParams(text)).email;
  } catch {
    email = undefined;
  }
  return signInAddress(email);
}

export { get as GET, post as POST };
