import { createPrismaClient, type PrismaClient } from "@calcom/prisma";
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";

import { databaseUrl, templateDatabaseName, withAdminClient } from "./postgres";

export interface TestDatabase {
  prisma: PrismaClient;
  url: string;
}

/**
 * A database of this test file's own, cloned from the migrated template (a few tens of ms),
 * dropped when the file is done. Call at the top level of a test file.
 */
export async function useTestDatabase(): Promise<TestDatabase> {
  const name = `session_checkout_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`));
  const url = databaseUrl(name);
  const prisma = createPrismaClient({ databaseUrl: url, maxConnections: 25 });
  afterAll(async () => {
    await prisma.$disconnect();
    await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
  return { prisma, url };
}
