/** Cal.com's public address (its `NEXT_PUBLIC_WEBAPP_URL`), for links in emails and on public pages. */
export function webappUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return (env.NEXT_PUBLIC_WEBAPP_URL || "http://localhost:3000").replace(/\/+$/, "");
}
