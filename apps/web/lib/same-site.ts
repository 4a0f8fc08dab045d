/** The site's public origin, as configured (Cal.com's NEXT_PUBLIC_WEBAPP_URL, else NEXTAUTH_URL). */
export function configuredOrigin(): string | null {
  const url = process.env.NEXT_PUBLIC_WEBAPP_URL ?? process.env.NEXTAUTH_URL;
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export const CROSS_SITE_MESSAGE = "This request came from another site and was refused. Open Session Checkout itself and try again.";

/**
 * May this state-changing request go ahead? Browsers say where a request comes from (Sec-Fetch-Site,
 * Origin); another site's page (a form, a link, a fetch) is refused. A request without those
 * headers comes from a non-browser client (curl, a script, a server), which carries no victim's
 * cookie unless given one, so it is allowed, as usual for CSRF checks. "none" is the user's own
 * navigation (typed address, bookmark).
 */
export function isSameSiteRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  if (origin === configuredOrigin()) return true;
  // The address the browser actually used (127.0.0.1 vs localhost, a proxy's public name).
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false; // "null" (a sandboxed frame, a privacy redirect) or garbage
  }
}

export const crossSiteRefusal = () => Response.json({ message: CROSS_SITE_MESSAGE }, { status: 403 });
