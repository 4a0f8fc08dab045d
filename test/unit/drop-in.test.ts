import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const appDir = join(import.meta.dirname, "..", "..", "packages", "app-store", "session-checkout");

/**
 * The Cal.com module paths the app may import: each was checked to exist, with the names the app
 * uses, in Cal.com at upstream commit dd7b6477 (docs/install-into-calcom.md). A new import from
 * @calcom/* must be checked there too before it joins this list.
 */
const CALCOM_MODULES = new Set([
  "@calcom/prisma",
  "@calcom/prisma/client",
  "@calcom/prisma/enums",
  "@calcom/trpc/server/trpc",
  "@calcom/trpc/server/types",
  "@calcom/trpc/server/procedures/authedProcedure",
  "@calcom/types/AppHandler",
  "@calcom/app-store/_utils/installation",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const imports = sourceFiles(appDir).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map((match) => ({ file: relative(appDir, file), specifier: match[1]! })),
);

describe("the app folder drops into a real Cal.com", () => {
  it("imports from Cal.com only module paths that Cal.com has", () => {
    const unknown = imports.filter((i) => i.specifier.startsWith("@calcom/") && !CALCOM_MODULES.has(i.specifier));
    expect(unknown).toEqual([]);
  });

  it("never reaches into the host web app or outside its folder by relative path", () => {
    const escaping = imports.filter((i) => i.specifier.startsWith(".") && relative(appDir, join(appDir, i.file, "..", i.specifier)).startsWith(".."));
    expect(escaping).toEqual([]);
    expect(imports.filter((i) => i.specifier.includes("apps/web") || i.specifier.startsWith("@calcom/web"))).toEqual([]);
  });

  it("is checked on a real number of imports", () => {
    expect(imports.length).toBeGreaterThan(40);
  });
});
