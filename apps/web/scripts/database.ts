import { startEmbeddedDatabase } from "@calcom/prisma/embedded";
import { migrateDatabase } from "@calcom/prisma/migrate";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded database in .data/pglite. Migrations are applied either way. */
export async function openDatabase(): Promise<RunningDatabase> {
  const given = process.env.DATABASE_URL;
  const running: RunningDatabase = given
    ? { url: given, embedded: false, stop: async () => {} }
    : {
        ...(await startEmbeddedDatabase({
          dataDir: join(repoRoot, ".data", "pglite"),
          port: process.env.EMBEDDED_DATABASE_PORT ? Number(process.env.EMBEDDED_DATABASE_PORT) : undefined,
        })),
        embedded: true,
      };
  process.env.DATABASE_URL = running.url;
  await migrateDatabase(running.url);
  return running;
}
