/**
 * The client's IP address. A proxy appends the address it saw to X-Forwarded-For, so the entry
 * TRUSTED_PROXY_HOPS from the right is the one a trusted hop wrote (default 0: the last entry, right
 * behind one proxy). Next alone only fills the header when the client sent none, so without a proxy
 * in front a client can choose its own: the per-IP sign-in limit then holds only for clients that
 * do not lie, and the per-address limits are what protect an account. Run behind a proxy.
 */
export function clientAddress(forwardedFor: string | null | undefined): string {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const index = entries.length - 1 - (Number.isInteger(hops) && hops > 0 ? hops : 0);
  return entries[Math.max(0, index)] ?? "unknown";
}
