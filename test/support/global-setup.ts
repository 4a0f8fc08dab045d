import { migrateDatabase } from "@calcom/prisma/migrate";

import { databaseUrl, templateDatabaseName, withAdminClient } from "./postgres";

/** Runs once per test run: a template database with every migration applied by Prisma itself. */
export default async function setup(): Promise<void> {
  const template = templateDatabaseName();
  const exists = await withAdminClient(async (admin) => {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    return rowCount === 1;
  });
  if (exists && !process.env.CI) return;
  const building = `${template}_building_${process.pid}`;
  await withAdminClient(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
  });
  await migrateDatabase(databaseUrl(building));
  await withAdminClient(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
  });
}
