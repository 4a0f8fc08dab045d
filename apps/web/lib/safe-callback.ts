const ORIGIN = "http://host.invalid";

/**
 * A sign-in callback that can only lead back into this app: resolved against a placeholder origin,
 * anything that lands elsewhere ("//evil.com", "/\\evil.com", "/%09/evil.com") falls back.
 */
export function safeCallbackPath(callbackUrl: string | undefined, fallback = "/calendar"): string {
  if (!callbackUrl?.startsWith("/")) return fallback;
  try {
    const url = new URL(callbackUrl, ORIGIN);
    if (url.origin !== ORIGIN) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/**
 * next-auth's redirect callback: a path of this site, or an absolute URL on `baseUrl`'s origin;
 * anything else (another site, "not a url", an unparsable cookie) is the site itself. Never throws.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) {
    const path = safeCallbackPath(url, "");
    return path ? `${baseUrl}${path}` : baseUrl;
  }
  try {
    return new URL(url).origin === new URL(baseUrl).origin ? url : baseUrl;
  } catch {
    return baseUrl;
  }
}

/** next-auth's own test (an http(s) URL, or a path): anything else makes it answer 500. */
export function isUsableCallback(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? ORIGIN : undefined).protocol);
  } catch {
    return false;
  }
}

/** next-auth's callback-url cookie, under either name (__Secure- on https sites). */
export const isCallbackCookie = (name: string) => name === "next-auth.callback-url" || name === "__Secure-next-auth.callback-url";
