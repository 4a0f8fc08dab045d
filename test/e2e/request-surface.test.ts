import { describe, expect, it } from "vitest";

import { cookieHeader, signInOverHttp, streamUntilAnswered } from "./http-client";
import { signIn } from "./browser";
import { useServedApp } from "./session-fixtures";
import { SURFACE_PASSWORD, freshUser } from "./surface-users";

const app = useServedApp();
const { baseUrl, prisma } = app;

const installUrl = `${baseUrl}/api/integrations/session-checkout/add`;
const installMutation = `${baseUrl}/api/trpc/viewer.apps.install`;
const installBody = JSON.stringify({ json: { slug: "session-checkout" } });

async function signedIn(label: string) {
  const user = await freshUser(prisma, label);
  const result = await signInOverHttp(baseUrl, user.email, SURFACE_PASSWORD);
  expect(result.status).toBe(200);
  return { user, cookie: result.cookies };
}

const installed = (userId: number) => prisma.credential.count({ where: { userId, appId: "session-checkout" } });

describe("security headers", () => {
  it("every kind of response: not frameable, nosniff, a CSP, a referrer policy, no x-powered-by", async () => {
    const signin = await fetch(`${baseUrl}/auth/signin`);
    const html = await signin.text();
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const responses = {
      page: signin,
      trpc: await fetch(`${baseUrl}/api/trpc/viewer.apps.list`),
      surveyPage: await fetch(`${baseUrl}/api/integrations/session-checkout/survey?token=nope`),
      staticScript: await fetch(new URL(script!, baseUrl)),
      notFound: await fetch(`${baseUrl}/no-such-page`),
    };
    for (const [name, response] of Object.entries(responses)) {
      expect(response.headers.get("x-frame-options"), name).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), name).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), name).toBeTruthy();
      expect(response.headers.get("x-powered-by"), name).toBeNull();
      if (name !== "staticScript") expect(response.headers.get("content-security-policy"), name).toContain("frame-ancestors 'none'");
    }
    // Pages: scripts by nonce, and Next's own scripts carry it.
    const csp = responses.page.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(html).toContain(`nonce="${nonce}"`);
    // The survey page keeps its own stricter referrer policy (its link carries the token).
    expect(responses.surveyPage.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("the pages run under their CSP: no violation in the browser on any page", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => violations.push(`${page.url()}: ${error.message}`));
    await signIn(page, baseUrl, "dana@example.com", "/calendar");
    await page.locator(".fc-event").first().waitFor();
    const paths = [
      "/apps/session-checkout/sessions",
      "/apps/session-checkout/reports",
      "/apps/session-checkout/clients/olivia%40example.com",
      "/settings/calendar/general",
      "/apps",
      "/api/integrations/session-checkout/survey?token=not-a-token",
      "/api/integrations/session-checkout/unsubscribe?token=not-a-token",
    ];
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator("h1, h2").first().waitFor();
      await page.waitForLoadState("networkidle");
    }
    // The public survey page's form posts to itself, from its own origin: answered, not refused as cross-site.
    const [posted] = await Promise.all([
      page.waitForNavigation(),
      page.evaluate(() => {
        const form = Object.assign(document.createElement("form"), { method: "POST", action: location.href });
        for (const [name, value] of [["token", "not-a-token"], ["rating", "5"]]) form.append(Object.assign(document.createElement("input"), { name, value }));
        document.body.append(form);
        form.submit();
      }),
    ]);
    expect(posted?.status()).not.toBe(403);
    expect(posted?.status()).toBeLessThan(500);
    await context.close();
    expect(violations).toEqual([]);
  });
});

describe("malformed callback URLs", () => {
  it("a next-auth.callback-url cookie that is not a URL is ignored: pages and tRPC answer, no 500", async () => {
    const { cookie } = await signedIn("callback-cookie");
    const withBadCookie = `${cookie}; next-auth.callback-url=not%20a%20url`;
    for (const path of ["/calendar", "/apps", "/auth/signin", "/api/auth/session", "/api/trpc/viewer.apps.list"]) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: withBadCookie }, redirect: "manual" });
      expect(response.status, path).toBeLessThan(500);
    }
    const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: withBadCookie } });
    expect(((await session.json()) as { user?: { email?: string } }).user?.email).toMatch(/^callback-cookie-/);
  });

  it("?callbackUrl=not a url, or another site, never errs and never leads away", async () => {
    for (const callbackUrl of ["not a url", "https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const page = await fetch(`${baseUrl}/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(page.status, callbackUrl).toBe(200);
      // next-auth's own endpoint keeps the callback in a cookie and redirects with it.
      const signin = await fetch(`${baseUrl}/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { redirect: "manual" });
      expect(signin.status, callbackUrl).toBeLessThan(500);
      const location = signin.headers.get("location") ?? "";
      if (location) expect(new URL(location, baseUrl).origin, callbackUrl).toBe(new URL(baseUrl).origin);
      const kept = signin.headers.getSetCookie().find((line) => line.startsWith("next-auth.callback-url="));
      if (kept) expect(decodeURIComponent(kept.split(";")[0]!.split("=")[1]!).startsWith(baseUrl), callbackUrl).toBe(true);
    }
  });
});

describe("body and batch limits", () => {
  it("a 1 MB body is refused with 413 from its Content-Length, on tRPC and on the integrations routes", async () => {
    const { cookie } = await signedIn("big-body");
    const megabyte = JSON.stringify({ json: { bookingId: 1, body: "x".repeat(1024 * 1024) } });
    const trpc = await fetch(`${baseUrl}/api/trpc/viewer.appSessionCheckout.addNote`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: megabyte });
    expect(trpc.status).toBe(413);
    expect(JSON.stringify(await trpc.json())).toContain("larger than the 256 KB this server accepts");
    const integration = await fetch(`${baseUrl}/api/integrations/session-checkout/survey`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: megabyte });
    expect(integration.status).toBe(413);
  });

  it("a chunked body is counted as it streams: 413 long before the sender stops", async () => {
    const { cookie } = await signedIn("chunked-body");
    for (const url of [`${baseUrl}/api/trpc/viewer.appSessionCheckout.addNote`, `${baseUrl}/api/integrations/session-checkout/cron`]) {
      const answer = await streamUntilAnswered(url, { headers: { cookie } });
      expect(answer.status, url).toBe(413);
      // Refused after the 256 KB limit, not after the whole (endless) body.
      expect(answer.bytesSent, url).toBeLessThan(1024 * 1024);
    }
  });

  it("a batch of 50 calls is refused with a message; 20 are answered", async () => {
    const { cookie } = await signedIn("batch");
    const paths = (count: number) => Array.from({ length: count }, () => "viewer.apps.list").join(",");
    const input = (count: number) => encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, index) => [index, {}]))));
    const fifty = await fetch(`${baseUrl}/api/trpc/${paths(50)}?batch=1&input=${input(50)}`, { headers: { cookie } });
    expect(fifty.status).toBe(413);
    const errors = (await fifty.json()) as { error: { json: { message: string } } }[];
    expect(errors).toHaveLength(50);
    expect(errors[0]!.error.json.message).toBe("A batch may carry at most 20 calls; this one has 50. Send them in smaller batches.");
    const twenty = await fetch(`${baseUrl}/api/trpc/${paths(20)}?batch=1&input=${input(20)}`, { headers: { cookie } });
    expect(twenty.status).toBe(200);
  });
});

describe("state changes only from this site", () => {
  it("a cross-site tRPC mutation is refused (403) and changes nothing; the same mutation from this site goes through", async () => {
    const { user, cookie } = await signedIn("cross-site-mutation");
    const post = (headers: Record<string, string>) => fetch(installMutation, { method: "POST", headers: { cookie, "content-type": "application/json", ...headers }, body: installBody });
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }, { "sec-fetch-site": "same-site", origin: "https://sub.127.0.0.1" }];
    for (const headers of crossSite) {
      const refused = await post(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.stringify(await refused.json())).toContain("came from another site");
    }
    expect(await installed(user.id)).toBe(0);
    const sameSite = await post({ origin: baseUrl, "sec-fetch-site": "same-origin" });
    expect(sameSite.status).toBe(200);
    expect(await installed(user.id)).toBe(1);
  });

  it("a client without Origin or Sec-Fetch-Site (a script, curl) may still call mutations", async () => {
    const { user, cookie } = await signedIn("no-origin-client");
    expect((await fetch(installMutation, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: installBody })).status).toBe(200);
    expect(await installed(user.id)).toBe(1);
  });

  it("GET install from another site (Sec-Fetch-Site: cross-site) is refused and installs nothing; from the App Store itself it installs", async () => {
    const { user, cookie } = await signedIn("cross-site-install");
    const refused = await fetch(installUrl, { headers: { cookie, "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain("came from another site");
    expect(await installed(user.id)).toBe(0);
    const own = await fetch(installUrl, { headers: { cookie: cookieHeader(refused, cookie), "sec-fetch-site": "same-origin" } });
    expect(own.status).toBe(200);
    expect(await installed(user.id)).toBe(1);
  });
});
