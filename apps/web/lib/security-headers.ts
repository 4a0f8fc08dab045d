/*
 * Pages get a per-request CSP with a script nonce (proxy.ts); the headers every response gets, and
 * the fixed CSP of everything that is not a page, are in next.config.ts (which can import no TS).
 */

/**
 * Pages: scripts only with this response's nonce (Next puts it on its own inline and chunk
 * scripts) and what they load ('strict-dynamic'). Styles allow 'unsafe-inline': FullCalendar and
 * the toaster inject <style> elements and React writes style attributes, none with a nonce.
 * Development adds 'unsafe-eval' for React's dev tooling.
 */
export function pageCsp(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
