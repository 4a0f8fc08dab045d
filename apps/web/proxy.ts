import { NextResponse, type NextRequest } from "next/server";

import { pageCsp } from "./lib/security-headers";

/**
 * Pages only (see the matcher): a fresh nonce per request in the Content-Security-Policy. Next
 * reads the nonce from the request's CSP header and puts it on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Not the API (its bodies are capped by the routes; a proxy would buffer them first) nor static files.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|app-store/|favicon.ico).*)" }],
};
