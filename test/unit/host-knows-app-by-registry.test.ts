import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The host (the stand-in for Cal.com) knows an app only through the registry the app-store build
 * writes: slots, navigation, handlers. The places it names the app are the two edits the install
 * guide asks of a Cal.com operator — mounting the app's router on `viewer` (as Cal.com mounts
 * routing-forms') and the reschedule guard — and the demo launcher that seeds the demo's data.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const HOST_DIRS = ["apps/web", "packages/trpc", "packages/ui", "packages/types", "packages/prisma/src"];
const SKIP = /(^|\/)(node_modules|\.next[^/]*|generated)(\/|$)/;
const APP_NAMES = /session-checkout|appSessionCheckout|sessionStatuses|SessionCheckout/;
const ALLOWED: Record<string, string> = {
  "packages/trpc/server/routers/viewer/_router.ts": "the operator's router edit: viewer.appSessionCheckout",
  "packages/trpc/server/routers/viewer/bookings/original-rescheduled-booking.ts": "the operator's reschedule-guard edit",
  "apps/web/scripts/seed-demo.ts": "the demo launcher seeds the app's demo data",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.test(relative(ROOT, path))) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|css|json)$/.test(name) ? [path] : [];
  });
}

describe("the host knows the app only through the registry", () => {
  it("names the app nowhere but in the operator's two edits and the demo launcher", () => {
    const naming = HOST_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => APP_NAMES.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file))
      .sort();
    expect(naming).toEqual(Object.keys(ALLOWED).sort());
  });

  it("the guard file calls the app only for the guard", () => {
    const guard = readFileSync(join(ROOT, "packages/trpc/server/routers/viewer/bookings/original-rescheduled-booking.ts"), "utf8");
    const imports = guard.split("\n").filter((line) => line.includes("session-checkout"));
    expect(imports).toEqual([expect.stringMatching(/^import \{ assertReschedulable, SessionCheckoutError \} from "@calcom\/app-store\/session-checkout\/lib\/reschedule-guard";$/)]);
  });
});
