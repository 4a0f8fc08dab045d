import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const appDir = join(import.meta.dirname, "..", "..", "packages", "app-store", "session-checkout");

/**
 * What the app may import from Cal.com: each module path exists in Cal.com at upstream commit
 * dd7b6477 and exports these names (checked there; docs/install-into-calcom.md). "default" is the
 * default export; "*" allows any type-only import of a generated module (enums, client).
 */
const CALCOM_EXPORTS: Record<string, string[]> = {
  "@calcom/prisma": ["PrismaClient", "PrismaTransaction", "prisma"],
  "@calcom/prisma/client": ["Prisma"],
  "@calcom/prisma/enums": ["*"],
  "@calcom/trpc/server/trpc": ["router"],
  "@calcom/trpc/server/types": ["TrpcSessionUser"],
  "@calcom/trpc/server/procedures/authedProcedure": ["default"],
  "@calcom/types/AppHandler": ["AppDeclarativeHandler"],
  "@calcom/app-store/_utils/installation": ["createDefaultInstallation"],
  "@calcom/features/webhooks/lib/WebhookService": ["WebhookService"],
  "@calcom/features/bookings/services/BookingAccessService": ["BookingAccessService"],
  "@calcom/lib/hooks/useLocale": ["useLocale"],
  "@calcom/ui/components/button": ["Button"],
  "@calcom/ui/components/badge": ["Badge"],
  "@calcom/ui/components/toast": ["showToast"],
  "@calcom/trpc/react": ["trpc"],
  "@calcom/trpc/react/hooks/useMeQuery": ["default", "useMeQuery"],
  "@calcom/ui/components/dialog": [
    "Dialog",
    "DialogClose",
    "DialogContent",
    "DialogFooter",
    "DialogHeader",
    "DialogTrigger",
    "ConfirmationDialogContent",
    "ConfirmationContent",
    "ConfirmationDialogContentProps",
    "DialogProps",
  ],
};

/**
 * The places where the app's browser components may use this host's API rather than Cal.com's (the
 * install guide would list them as adaptations to make). None are left: the components use Cal.com's
 * `trpc` proxy and dialog, and declare the slot props they receive themselves (components/slot-props.ts).
 * Kept so that a future difference has to be named here, and only in a browser component.
 */
const KNOWN_DIFFERENCES: Record<string, string[]> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  names: string[];
}

const IMPORT = /import\s+(type\s+)?([\s\S]*?)\s+from\s+"([^"]+)"/g;

function namesOf(clause: string): string[] {
  const names: string[] = [];
  const braces = /\{([\s\S]*)\}/.exec(clause);
  if (braces) names.push(...braces[1]!.split(",").map((n) => n.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!).filter(Boolean));
  const beforeBraces = clause.replace(/\{[\s\S]*\}/, "").replace(/,\s*$/, "").trim();
  if (beforeBraces.startsWith("* as")) names.push("*");
  else if (beforeBraces) names.push("default");
  return names;
}

const imports: Import[] = sourceFiles(appDir).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(IMPORT)].map((m) => ({ file: relative(appDir, file), specifier: m[3]!, names: namesOf(m[2]!) })),
);

describe("the app folder drops into a real Cal.com", () => {
  it("imports from Cal.com only modules and names that Cal.com has, apart from the listed differences", () => {
    const unexpected = imports
      .filter((i) => i.specifier.startsWith("@calcom/"))
      .flatMap((i) =>
        i.names
          .filter((name) => {
            const allowed = [...(CALCOM_EXPORTS[i.specifier] ?? []), ...(KNOWN_DIFFERENCES[i.specifier] ?? [])];
            return !allowed.includes(name) && !allowed.includes("*");
          })
          .map((name) => `${i.file}: ${name} from ${i.specifier}`),
      );
    expect(unexpected).toEqual([]);
  });

  it("uses the listed differences only in browser components", () => {
    const serverSideDifferences = imports.filter((i) => !i.file.startsWith("components/") && i.names.some((n) => KNOWN_DIFFERENCES[i.specifier]?.includes(n)));
    expect(serverSideDifferences).toEqual([]);
  });

  it("has its browser components call the API only through Cal.com's trpc proxy, never tRPC's or TanStack's own hooks", () => {
    // Cal.com pins @trpc/react-query and @tanstack/react-query to its own versions: the proxy is the stable surface.
    const direct = imports.filter((i) => i.file.startsWith("components/") && (i.specifier.startsWith("@trpc/") || i.specifier.startsWith("@tanstack/")));
    expect(direct).toEqual([]);
  });

  it("never reaches into the host web app or outside its folder by relative path", () => {
    const escaping = imports.filter((i) => i.specifier.startsWith(".") && relative(appDir, join(appDir, i.file, "..", i.specifier)).startsWith(".."));
    expect(escaping).toEqual([]);
    expect(imports.filter((i) => i.specifier.includes("apps/web") || i.specifier.startsWith("@calcom/web"))).toEqual([]);
  });

  it("is checked on a real number of imports", () => {
    expect(imports.length).toBeGreaterThan(60);
    expect(imports.find((i) => i.file === "trpc/procedure.ts" && i.specifier === "@calcom/trpc/server/procedures/authedProcedure")?.names).toEqual(["default"]);
  });
});
