import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { buildRegistry } from "../src/build";
import { main } from "../src/cli";
import { discoverAppFolders } from "../src/discover";
import { GENERATED_HEADER } from "../src/generate";
import { AppStoreProblems } from "../src/problems";

const FIXTURE = join(import.meta.dirname, "fixtures", "app-store");
const GOLDEN = join(import.meta.dirname, "golden");
const temporaryDirs: string[] = [];

/** A private copy of the fixture app store, so tests can break it and watch what gets written. */
function appStoreCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "app-store-"));
  temporaryDirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI as a person would, capturing what it prints. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "app-store", ...args], { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function generatedFiles(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".generated.ts")).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

describe("discovery", () => {
  it("finds app folders sorted, skipping _helpers, templates and dot-folders", () => {
    const apps = discoverAppFolders(FIXTURE);
    expect(apps.map((a) => a.dirName)).toEqual(["alpha-notes", "zeta-widgets"]);
    expect(apps[0]!.has).toEqual({ api: true, zod: true, bookingDialogActions: true, settingsSection: true, appPage: true, calendarStatuses: true, navigation: true, jobs: true, locales: true });
    expect(apps[1]!.has).toEqual({ api: false, zod: false, bookingDialogActions: false, settingsSection: false, appPage: false, calendarStatuses: false, navigation: false, jobs: false, locales: false });
  });
});

describe("build", () => {
  it("writes the registry, byte for byte the golden files (set UPDATE_GOLDEN=1 to accept a change)", async () => {
    const dir = appStoreCopy();
    const { code, out } = await run("--app-store", dir, "build");
    expect(code).toBe(0);
    expect(out).toContain("Registered 2 apps (alpha-notes, zeta-widgets)");
    const files = generatedFiles(dir);
    if (process.env.UPDATE_GOLDEN) for (const [name, text] of Object.entries(files)) writeFileSync(join(GOLDEN, name), text);
    expect(Object.keys(files)).toEqual(readdirSync(GOLDEN).sort());
    for (const [name, text] of Object.entries(files)) {
      expect(text.startsWith(GENERATED_HEADER)).toBe(true);
      expect(text, name).toBe(readFileSync(join(GOLDEN, name), "utf8"));
    }
  });

  it("is deterministic: a second build writes nothing and gives the same bytes", () => {
    const dir = appStoreCopy();
    const first = buildRegistry({ appStoreDir: dir });
    const second = buildRegistry({ appStoreDir: dir });
    expect(first.written).toHaveLength(6);
    expect(second.written).toEqual([]);
    expect(second.files).toEqual(first.files);
  });

  it("puts an app in exactly the slots whose files it has, and keeps unknown config fields", () => {
    const { files } = buildRegistry({ appStoreDir: FIXTURE, write: false });
    expect(files["apps.browser.generated.ts"]).toContain('"alpha-notes": () => import("./alpha-notes/components/BookingDialogActions")');
    expect(files["apps.browser.generated.ts"]).toContain('"alpha-notes": () => import("./alpha-notes/components/SettingsSection")');
    expect(files["apps.browser.generated.ts"]).toContain('"alpha-notes": () => import("./alpha-notes/components/AppPage")');
    expect(files["apps.browser.generated.ts"]).not.toContain("zeta-widgets");
    expect(files["apps.server.generated.ts"]).toContain('"alpha-notes": () => import("./alpha-notes/api")');
    expect(files["apps.server.generated.ts"]).not.toContain("zeta-widgets");
    expect(files["apps.metadata.generated.ts"]).toContain('"zeta-widgets": { ...zeta_widgets_config_json, dirName: "zeta-widgets" }');
  });
});

describe("a broken app fails the build with its file and field named, and nothing is written", () => {
  const cases: Array<{ name: string; breakIt: (dir: string) => void; expected: RegExp[] }> = [
    { name: "missing config.json", breakIt: (dir) => rmSync(join(dir, "zeta-widgets", "config.json")), expected: [/zeta-widgets\/config\.json: is missing/] },
    { name: "config.json that is not JSON", breakIt: (dir) => writeFileSync(join(dir, "zeta-widgets", "config.json"), '{ "name": "Zeta", '), expected: [/zeta-widgets\/config\.json: is not valid JSON/] },
    {
      name: "a field of the wrong type",
      breakIt: (dir) => editConfig(dir, "zeta-widgets", { categories: "analytics", name: 42 }),
      expected: [/zeta-widgets\/config\.json: "categories" Expected array, received string/, /zeta-widgets\/config\.json: "name" Expected string, received number/],
    },
    {
      name: "a type without one of Cal.com's suffixes",
      breakIt: (dir) => editConfig(dir, "zeta-widgets", { type: "zeta-widgets_gadget" }),
      expected: [/zeta-widgets\/config\.json: "type" must end in one of Cal\.com's suffixes: _other_calendar, _calendar/],
    },
    {
      name: "a duplicate slug",
      breakIt: (dir) => editConfig(dir, "zeta-widgets", { slug: "alpha-notes" }),
      expected: [/zeta-widgets\/config\.json: "slug" "alpha-notes" is also used by .*alpha-notes\/config\.json/, /alpha-notes\/config\.json: "slug" "alpha-notes" is also used by .*zeta-widgets\/config\.json/],
    },
    {
      name: "two apps of one type",
      breakIt: (dir) => editConfig(dir, "zeta-widgets", { type: "alpha-notes_other" }),
      expected: [/zeta-widgets\/config\.json: "type" the type "alpha-notes_other" is also used by/],
    },
    {
      name: "two folders that become one identifier",
      breakIt: (dir) => {
        cpSync(join(dir, "alpha-notes"), join(dir, "alpha_notes"), { recursive: true });
        editConfig(dir, "alpha_notes", { slug: "alpha-notes-2", type: "alpha-notes-2_other" });
      },
      expected: [/alpha_notes\/config\.json: "\(folder name\)" the folder name's identifier "alpha_notes" is also used by/],
    },
  ];

  it.each(cases)("$name", async ({ breakIt, expected }) => {
    const dir = appStoreCopy();
    await run("--app-store", dir, "build");
    const before = generatedFiles(dir);
    breakIt(dir);

    for (const command of ["build", "validate"]) {
      const { code, err } = await run("--app-store", dir, command);
      expect(code).toBe(1);
      expect(err).toContain("nothing was written");
      for (const pattern of expected) expect(err).toMatch(pattern);
    }
    expect(generatedFiles(dir)).toEqual(before);
    expect(() => buildRegistry({ appStoreDir: dir })).toThrow(AppStoreProblems);
  });

  it("validate writes nothing even when every app is fine", async () => {
    const dir = appStoreCopy();
    const { code, out } = await run("--app-store", dir, "validate");
    expect([code, out]).toEqual([0, "2 apps valid."]);
    expect(generatedFiles(dir)).toEqual({});
  });
});

describe("create", () => {
  it("scaffolds a new app from a template and registers it", async () => {
    const dir = appStoreCopy();
    const { code, out } = await run("--app-store", dir, "create", "--slug", "coach-timer", "--template", "basic", "--name", "Coach Timer", "--category", "automation");
    expect(code).toBe(0);
    expect(out).toContain("Created");
    const config = JSON.parse(readFileSync(join(dir, "coach-timer", "config.json"), "utf8")) as Record<string, unknown>;
    expect(config).toMatchObject({ name: "Coach Timer", slug: "coach-timer", type: "coach-timer_automation", variant: "automation", categories: ["automation"], isTemplate: false, __template: "basic" });
    expect(JSON.parse(readFileSync(join(dir, "coach-timer", "package.json"), "utf8"))).toMatchObject({ name: "@calcom/coach-timer" });
    expect(readFileSync(join(dir, "coach-timer", "DESCRIPTION.md"), "utf8")).toContain("packages/app-store/coach-timer");
    const registry = generatedFiles(dir);
    expect(registry["apps.metadata.generated.ts"]).toContain('"coach-timer": { ...coach_timer_config_json, dirName: "coach-timer" }');
    expect(registry["apps.server.generated.ts"]).toContain('"coach-timer": () => import("./coach-timer/api")');
  });

  it("refuses an unknown template, an existing folder and a bad slug, leaving no folder behind", async () => {
    const dir = appStoreCopy();
    expect(await run("--app-store", dir, "create", "--slug", "x-app", "--template", "nope")).toMatchObject({ code: 1, err: 'There is no template "nope". Templates: basic.' });
    expect(existsSync(join(dir, "x-app"))).toBe(false);
    expect(await run("--app-store", dir, "create", "--slug", "alpha-notes", "--template", "basic")).toMatchObject({ code: 1, err: 'An app folder "alpha-notes" already exists.' });
    expect((await run("--app-store", dir, "create", "--slug", "Bad Slug", "--template", "basic")).code).toBe(1);
    expect((await run("--app-store", dir, "create", "--slug", "y-app", "--template", "basic", "--category", "teleport")).err).toContain('The category "teleport"');
    expect(existsSync(join(dir, "y-app"))).toBe(false);
  });
});

function editConfig(dir: string, app: string, changes: Record<string, unknown>): void {
  const path = join(dir, app, "config.json");
  writeFileSync(path, JSON.stringify({ ...(JSON.parse(readFileSync(path, "utf8")) as object), ...changes }));
}
