import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { databaseUrl, TEST_SERVER_URL, withAdminClient } from "../support/postgres";
import { useTestDatabase } from "../support/test-database";

const prismaPackage = join(import.meta.dirname, "..", "..", "packages", "prisma");
const { url: migratedUrl } = await useTestDatabase();

const fromSchemaName = `session_checkout_from_schema_${randomBytes(4).toString("hex")}`;
afterAll(() => withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${fromSchemaName}" WITH (FORCE)`)));

/** The database's shape as text rows: columns, enums, indexes and key constraints. */
async function shapeOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query<{ row: string }>(sql)).rows.map((r) => r.row);
    return {
      columns: await rows(`SELECT concat_ws(' ', table_name, column_name, udt_name, is_nullable, column_default) AS row
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`),
      enums: await rows(`SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS row
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`),
      indexes: await rows(`SELECT indexdef AS row FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`),
      keys: await rows(`SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) AS row FROM pg_constraint
        WHERE contype IN ('p', 'u', 'f') AND connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}

describe("the committed migrations", () => {
  it("build exactly the database the Prisma schema describes (no drift)", async () => {
    const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
    const schemaSql = execFileSync(process.execPath, [prismaCli, "migrate", "diff", "--from-empty", "--to-schema-datamodel", "schema", "--script"], {
      cwd: prismaPackage,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: TEST_SERVER_URL },
    });
    await withAdminClient((admin) => admin.query(`CREATE DATABASE "${fromSchemaName}"`));
    const client = new pg.Client({ connectionString: databaseUrl(fromSchemaName) });
    await client.connect();
    await client.query(schemaSql);
    await client.end();

    const [migrated, fromSchema] = await Promise.all([shapeOf(migratedUrl), shapeOf(databaseUrl(fromSchemaName))]);
    expect(migrated).toEqual(fromSchema);
  }, 60_000);

  it("add the rules Prisma cannot express as CHECK constraints", async () => {
    const client = new pg.Client({ connectionString: migratedUrl });
    await client.connect();
    const { rows } = await client.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE contype = 'c' AND conname LIKE 'App_SessionCheckout_%' ORDER BY conname::text COLLATE "C"`);
    await client.end();
    expect(rows.map((r) => r.conname)).toEqual([
      "App_SessionCheckout_Note_body_length",
      "App_SessionCheckout_Settings_alert_threshold_range",
      "App_SessionCheckout_Settings_delay_allowed",
      "App_SessionCheckout_SurveyOptOut_email_length",
      "App_SessionCheckout_SurveyOptOut_email_lowercase",
      "App_SessionCheckout_Survey_alert_needs_answer",
      "App_SessionCheckout_Survey_cancel_reason",
      "App_SessionCheckout_Survey_comment_length",
      "App_SessionCheckout_Survey_email_lowercase",
      "App_SessionCheckout_Survey_rating_range",
    ]);
  });
});
