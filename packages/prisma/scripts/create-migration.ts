/*
 * Writes a new migration: the SQL from the schema as last committed (git HEAD) to the schema in
 * the working tree. Prisma's shadow-database route (`migrate dev`, `--from-migrations`) cannot run
 * offline with the JS engine, but a diff between two datamodels can.
 *
 *   npm run db:migrate:create -- <name>                     a migration of the host (Cal.com) schema
 *   npm run db:migrate:create -- <name> --app <app-folder>  a migration kept in that app's folder
 *
 * Needs DATABASE_URL to reach a PostgreSQL server (the CLI connects, though it changes nothing).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const [name, flag, appFolder] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name) || (flag !== undefined && (flag !== "--app" || !appFolder))) {
  console.error("Usage: create-migration <snake_case_name> [--app <app-folder>]");
  process.exit(2);
}

const committed = mkdtempSync(join(tmpdir(), "committed-schema-"));
try {
  const repoRoot = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: packageRoot, encoding: "utf8" }).trim();
  const schemaDir = join(packageRoot, "schema");
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".prisma"))) {
    // git show follows the link's target path, so the app extension is read as committed too.
    const path = relative(repoRoot, join(schemaDir, file));
    const target = execFileSync("git", ["show", `HEAD:${path}`], { cwd: repoRoot, encoding: "utf8" });
    const content = target.startsWith("../") ? execFileSync("git", ["show", `HEAD:${join(dirname(path), target)}`], { cwd: repoRoot, encoding: "utf8" }) : target;
    writeFileSync(join(committed, file), content);
  }

  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const sql = execFileSync(process.execPath, [prismaCli, "migrate", "diff", "--from-schema-datamodel", committed, "--to-schema-datamodel", schemaDir, "--script"], {
    cwd: packageRoot,
    encoding: "utf8",
  });
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("The schema matches the last commit: no migration to write.");
    process.exit(0);
  }

  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name}`;
  const hostDir = join(packageRoot, "migrations", folder);
  mkdirSync(hostDir, { recursive: true });
  if (appFolder) {
    const appDir = join(packageRoot, "..", "app-store", appFolder, "prisma", "migrations", folder);
    mkdirSync(appDir, { recursive: true });
    writeFileSync(join(appDir, "migration.sql"), sql);
    symlinkSync(relative(hostDir, join(appDir, "migration.sql")), join(hostDir, "migration.sql"));
    console.log(`Wrote ${relative(repoRoot, appDir)}/migration.sql and linked it into the host's history.`);
  } else {
    writeFileSync(join(hostDir, "migration.sql"), sql);
    console.log(`Wrote ${relative(repoRoot, hostDir)}/migration.sql`);
  }
} finally {
  rmSync(committed, { recursive: true, force: true });
}
