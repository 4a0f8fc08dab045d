import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { main } from "../src/cli";
import { memberName, mergeAppSchema, readBackRelations } from "../src/merge-schema";

const repo = join(import.meta.dirname, "..", "..", "..");
const hostSchemaDir = join(repo, "packages", "prisma", "schema");
const appSchemaPath = join(repo, "packages", "app-store", "session-checkout", "prisma", "session-checkout.prisma");
const appSchema = readFileSync(appSchemaPath, "utf8");
const hostCalcom = readFileSync(join(hostSchemaDir, "calcom.prisma"), "utf8");

/** A single-file schema shaped like Cal.com's: the host's Cal.com models without any app's lines. */
const calcomWithoutApp = [
  readFileSync(join(hostSchemaDir, "schema.prisma"), "utf8"),
  hostCalcom.replace(/\n {2}\/\/ app: [^\n]*\n( {2}[^\n]+\n)+/g, "\n"),
].join("\n");

const work = mkdtempSync(join(tmpdir(), "merge-schema-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const merge = (calcomSchema: string) =>
  mergeAppSchema({ calcomSchema, appSchema, appSlug: "session-checkout", appSchemaPath: "packages/app-store/session-checkout/prisma/session-checkout.prisma", schemaPath: "schema.prisma" });

const modelBlock = (schema: string, model: string) => new RegExp(`^model ${model} \\{\\n[\\s\\S]*?^\\}$`, "m").exec(schema)![0].replace(/\s+/g, " ");

describe("merge-schema", () => {
  it("adds exactly the back-relations the host's own Cal.com models carry, and the app's blocks", () => {
    expect(calcomWithoutApp).not.toContain("App_SessionCheckout");
    const { schema, addedFields, addedBlocks, problems } = merge(calcomWithoutApp);
    expect(problems).toEqual([]);
    expect(addedFields).toEqual(readBackRelations(appSchema).flatMap((r) => r.fields.map((f) => `${r.model}.${memberName(f)}`)));
    expect(addedBlocks).toContain("model App_SessionCheckout_Checkout");
    expect(addedBlocks).toContain("enum App_SessionCheckout_Method");
    for (const model of ["User", "Booking"]) expect(modelBlock(schema, model)).toBe(modelBlock(hostCalcom, model));
  });

  it("is idempotent: merging into an already merged schema changes nothing", () => {
    const once = merge(calcomWithoutApp).schema;
    const twice = merge(once);
    expect(twice).toMatchObject({ schema: once, addedFields: [], addedBlocks: [], problems: [] });
  });

  it("keeps dollar signs in the schema literal (no replacement patterns)", () => {
    const comment = "  /// costs $& and $$ and $' stay as written";
    const withDollar = calcomWithoutApp.replace("  noShowHost     Boolean?      @default(false)", () => `  noShowHost     Boolean?      @default(false)\n${comment}`);
    const { schema, problems } = merge(withDollar);
    expect(problems).toEqual([]);
    // A "$&" taken as a pattern would paste the whole original model in again.
    expect(schema.split("model Booking {").length - 1).toBe(1);
    expect(schema.split(comment).length - 1).toBe(1);
  });

  it("gives a schema that Prisma itself validates", () => {
    const path = join(work, "schema.prisma");
    writeFileSync(path, merge(calcomWithoutApp).schema);
    const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
    // From the prisma package, whose config selects the JS engine (nothing to download).
    const output = execFileSync(process.execPath, [prismaCli, "validate", "--schema", path], {
      cwd: join(repo, "packages", "prisma"),
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "postgresql://localhost:5432/unused" },
    });
    expect(output).toContain("is valid");
  }, 60_000);

  it("refuses, naming model and field, when Cal.com already has a different field of that name or lacks a model", () => {
    const clashing = calcomWithoutApp.replace("  noShowHost     Boolean?      @default(false)", "  noShowHost     Boolean?      @default(false)\n  sessionSurveys String?");
    expect(merge(clashing).problems).toEqual([
      { file: "schema.prisma", field: "Booking.sessionSurveys", message: 'already exists as "sessionSurveys String?"; session-checkout needs "sessionSurveys App_SessionCheckout_Survey[]"' },
    ]);
    const noBooking = calcomWithoutApp.replace(/^model Booking \{\n[\s\S]*?^\}$/m, "");
    expect(merge(noBooking).problems.map((p) => p.field)).toEqual(["Booking"]);
  });

  it("the command writes the schema, copies the app's migrations, and prints the edits left to make by hand", async () => {
    const schemaPath = join(work, "cal-schema.prisma");
    writeFileSync(schemaPath, calcomWithoutApp);
    const lines: string[] = [];
    const code = await main(["node", "app-store", "merge-schema", "--into", schemaPath, "--migrations-into", join(work, "migrations")], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(code).toBe(0);
    expect(readFileSync(schemaPath, "utf8")).toBe(merge(calcomWithoutApp).schema);
    expect(existsSync(join(work, "migrations", "20261124000100_session_checkout_init", "migration.sql"))).toBe(true);
    const printed = lines.join("\n");
    expect(printed).toContain("packages/trpc/server/routers/viewer/_router.tsx");
    expect(printed).toContain("apps/web/pages/api/trpc/appSessionCheckout/[trpc].ts");
    expect(printed).toContain('packages/trpc/react/shared.ts: add "appSessionCheckout" to ENDPOINTS');
  });
});
