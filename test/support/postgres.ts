import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The PostgreSQL server the tests use; CI and every machine here run one on 127.0.0.1:5432. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "packages", "prisma", "migrations");

/** Named after the migrations' content, so a changed migration gets a fresh template. */
export function templateDatabaseName(): string {
  const hash = createHash("sha256");
  for (const entry of readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    hash.update(entry);
    hash.update(readFileSync(join(migrationsDir, entry, "migration.sql")));
  }
  return `session_checkout_template_${hash.digest("hex").slice(0, 12)}`;
}

export function databaseUrl(database: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`The tests need PostgreSQL at ${TEST_SERVER_URL} (set TEST_DATABASE_URL to use another): ${String(error)}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the process whose id a test database carries in its name is still running (then it is not ours to drop). */
export function ownerIsAlive(databaseName: string): boolean {
  const pid = Number(/_(\d+)(?:_[0-9a-f]+)?$/.exec(databaseName)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
