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
