import { createServerAdapter } from "@whatwg-node/server";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { handleIntegrationRequest } from "../../apps/web/lib/integrations";
import { createCaller, createContext } from "@calcom/trpc/server";

import { callerFor, factories } from "../support/factories";
import { codeOf, refusalOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";

const { prisma, url } = await useTestDatabase();
// The app's install handler writes through Cal.com's process-wide client, which reads DATABASE_URL.
process.env.DATABASE_URL = url;
const make = factories(prisma);

const appsFor = (user: { id: number; name: string | null; email: string; timeZone: string; timeFormat: number | null } | null) =>
  createCaller(createContext({ prisma, user })).viewer.apps;

describe("installing Session Checkout per host, through tRPC", () => {
  it("lists the registry's apps with the caller's install state; install and uninstall flip it", async () => {
    const host = await make.user({ installed: false });
    const apps = appsFor(host);
    expect(await apps.list()).toEqual([
      expect.objectContaining({ slug: "session-checkout", name: "Session Checkout", logo: "/app-store/session-checkout/icon.svg", installed: false }),
    ]);

    const installed = await apps.install({ slug: "session-checkout" });
    const credential = await prisma.credential.findUniqueOrThrow({ where: { id: installed.credentialId } });
    expect(credential).toMatchObject({ userId: host.id, appId: "session-checkout", type: "session-checkout_other" });
    expect((await apps.list())[0]!.installed).toBe(true);

    const again = await refusalOf(apps.install({ slug: "session-checkout" }));
    expect([again.code, again.message]).toEqual(["CONFLICT", "Session Checkout is already installed."]);

    expect(await apps.uninstall({ slug: "session-checkout" })).toEqual({ ok: true });
    expect(await prisma.credential.count({ where: { userId: host.id } })).toBe(0);
    expect((await apps.list())[0]!.installed).toBe(false);
    expect(await codeOf(apps.uninstall({ slug: "session-checkout" }))).toBe("NOT_FOUND");
  });

  it("refuses an app that is not in the registry, and signed-out callers", async () => {
    const host = await make.user({ installed: false });
    const error = await refusalOf(appsFor(host).install({ slug: "no-such-app" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).flatten().fieldErrors).toEqual({ slug: ['There is no app "no-such-app" in the App Store.'] });
    expect(await codeOf(appsFor(null).list())).toBe("UNAUTHORIZED");
  });

  it("the app's procedures refuse a host who has not installed it, and serve them once installed", async () => {
    const host = await make.user({ installed: false });
    const booking = await make.booking({ hostId: host.id });
    const checkout = callerFor(prisma, host);
    const calls = [
      () => checkout.getSession({ bookingId: booking.id }),
      () => checkout.checkout({ bookingId: booking.id }),
      () => checkout.getSettings(),
      () => checkout.updateSettings({ surveysEnabled: true }),
      () => checkout.addNote({ bookingId: booking.id, body: "x" }),
    ];
    for (const call of calls) {
      const error = await refusalOf(call());
      expect([error.code, error.message]).toEqual(["FORBIDDEN", "Session Checkout is not installed for your account. Install it from the App Store to use it."]);
    }
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: booking.id } })).toBe(0);
    expect(await prisma.app_SessionCheckout_Settings.count({ where: { userId: host.id } })).toBe(0);

    await appsFor(host).install({ slug: "session-checkout" });
    expect(await checkout.checkout({ bookingId: booking.id })).toMatchObject({ status: "COMPLETED" });

    await appsFor(host).uninstall({ slug: "session-checkout" });
    expect(await codeOf(checkout.undoCheckout({ bookingId: booking.id }))).toBe("FORBIDDEN");
  });
});

describe("/api/integrations/<slug>/<handler> over HTTP, through the registry", () => {
  let server: Server;
  let baseUrl: string;
  // The web app's sign-in resolves the user from its session cookie; here a plain cookie names the user id.
  const adapter = createServerAdapter(async (request: Request) => {
    const userId = /(?:^|; )test-user=(\d+)/.exec(request.headers.get("cookie") ?? "")?.[1];
    const user = userId ? await prisma.user.findUnique({ where: { id: Number(userId) }, select: { id: true, email: true, name: true } }) : null;
    const path = new URL(request.url).pathname;
    if (!path.startsWith("/api/integrations/")) return new Response("Not found", { status: 404 });
    return handleIntegrationRequest(request, { args: path.slice("/api/integrations/".length).split("/"), user, prisma });
  });

  beforeAll(async () => {
    server = createServer(adapter);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, userId?: number) => fetch(`${baseUrl}${path}`, { headers: userId ? { cookie: `test-user=${userId}` } : {} });

  it("GET …/session-checkout/add installs for the signed-in host (by slug or by type), once", async () => {
    const host = await make.user({ installed: false });
    const response = await get("/api/integrations/session-checkout/add", host.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: "/apps/installed?hl=session-checkout", newTab: false });
    expect(await prisma.credential.count({ where: { userId: host.id, appId: "session-checkout" } })).toBe(1);

    const twice = await get("/api/integrations/session-checkout_other/add", host.id);
    expect([twice.status, await twice.json()]).toEqual([409, { message: "Session Checkout is already installed." }]);

    const other = await make.user({ installed: false });
    expect((await get("/api/integrations/session-checkout_other/add", other.id)).status).toBe(200);
  });

  it("answers 401 signed out, 404 for an unknown app or handler", async () => {
    const unauthenticated = await get("/api/integrations/session-checkout/add");
    expect([unauthenticated.status, await unauthenticated.json()]).toEqual([401, { message: "You must be logged in to do this" }]);
    const noApp = await get("/api/integrations/not-an-app/add");
    expect([noApp.status, await noApp.json()]).toEqual([404, { message: 'No app found for "not-an-app".' }]);
    const noHandler = await get("/api/integrations/session-checkout/nope");
    expect([noHandler.status, await noHandler.json()]).toEqual([404, { message: 'Session Checkout has no "nope" handler.' }]);
    expect((await get("/api/integrations/session-checkout")).status).toBe(404);
  });
});
