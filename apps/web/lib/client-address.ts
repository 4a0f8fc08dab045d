/**
 * The client's IP address. Next sets X-Forwarded-For to the socket's address when no proxy did;
 * a proxy appends the address it saw, so the entry TRUSTED_PROXY_HOPS from the right is the one
 * a trusted hop wrote (default 0: the last entry, right for Next alone or behind one proxy).
 */
export function clientAddress(forwardedFor: string | null | undefined): string {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const index = entries.length - 1 - (Number.isInteger(hops) && hops > 0 ? hops : 0);
  return entries[Math.max(0, index)] ?? "unknown";
}
