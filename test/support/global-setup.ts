import { migrateDatabase } from "@calcom/prisma/migrate";

import { databaseUrl, ownerIsAlive, templateDatabaseName, withAdminClient } from "./postgres";

const once = globalThis as typeof globalThis & { __sessionCheckoutTemplate?: Promise<void> };

/** Runs once per test run (several projects may ask): a template database with every migration applied by Prisma itself. */
export default function setup(): Promise<void> {
  once.__sessionCheckoutTemplate ??= buildTemplate();
  return once.__sessionCheckoutTemplate;
}

async function buildTemplate(): Promise<void> {
  const template = templateDatabaseName();
  const exists = await withAdminClient(async (admin) => {
    // Templates of older migrations, and half-built ones whose run has died, are dropped.
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'session_checkout_template_%' AND datname <> $1", [template]);
    const { rows: perFile } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'session_checkout_test_%'");
    // Per-file databases are dropped by their file; these are what crashed workers left behind.
    const stale = [...rows.filter(({ datname }) => !datname.includes("_building_") || !ownerIsAlive(datname)), ...perFile.filter(({ datname }) => !ownerIsAlive(datname))];
    for (const { datname } of stale) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    return rowCount === 1;
  });
  if (exists && !process.env.CI) return;
  const building = `${template}_building_${process.pid}`;
  await withAdminClient(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
  });
  try {
    await migrateDatabase(databaseUrl(building));
    await withAdminClient(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    });
  } catch (error) {
    await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`));
    throw error;
  }
}
