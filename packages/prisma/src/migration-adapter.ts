import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import pg from "pg";

import { poolConfigFromUrl } from "./database-url";

/*
 * The driver adapter the Prisma CLI (migrate, db execute) uses when no native engine can be
 * downloaded. It works around three known problems of @prisma/adapter-pg 6.19 under migrate:
 *  1. catalog columns of type `name` (OID 19) and `"char"` (OID 18) are unsupported: report them as text;
 *  2. the stock shadow database ignores the database name and is dropped while still connected;
 *  3. idle pools keep the process alive after the command is done;
 *  4. `executeScript` splits a migration on every ";", which cuts a function body (a trigger's
 *     plpgsql) in pieces: scripts go to the server whole, as one simple query, as psql would send them.
 */

const UNSUPPORTED_TEXT_LIKE_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type FieldsCarrier = { fields?: Array<{ dataTypeID: number }> };

function reportTextLikeColumnsAsText<T>(result: T): T {
  const fields = (result as FieldsCarrier | undefined)?.fields;
  for (const field of fields ?? []) {
    if (UNSUPPORTED_TEXT_LIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  // pg's overloads make a typed override impractical; the arguments are passed through untouched.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (error: Error | null, result: unknown) => void;
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : reportTextLikeColumnsAsText(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned instanceof Promise) return returned.then(reportTextLikeColumnsAsText) as never;
    return returned as never;
  }
}

function poolConfig(databaseUrl: string, database?: string): pg.PoolConfig {
  const base = poolConfigFromUrl(databaseUrl);
  return {
    ...base,
    database: database ?? base.database,
    Client: CatalogFriendlyClient,
    allowExitOnIdle: true,
  };
}

type ScriptRunner = { executeScript(script: string): Promise<void> };

/** Runs each migration script as one query on a pool of its own (multi-statement simple query). */
function withWholeScripts<A extends ScriptRunner>(adapter: A, pool: pg.Pool): A {
  adapter.executeScript = async (script) => {
    await pool.query(script);
  };
  return adapter;
}

export function createMigrationAdapter(databaseUrl: string) {
  const pool = new pg.Pool(poolConfig(databaseUrl));
  const primary = new PrismaPg(pool);
  return {
    provider: "postgres" as const,
    adapterName: primary.adapterName,
    connect: async () => withWholeScripts(await primary.connect(), pool),
    async connectToShadowDb() {
      const admin = new pg.Client(poolConfigFromUrl(databaseUrl));
      await admin.connect();
      const shadowName = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
      await admin.query(`CREATE DATABASE "${shadowName}"`);
      await admin.end();
      const shadow = new PrismaPg(poolConfig(databaseUrl, shadowName));
      const adapter = await shadow.connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(poolConfigFromUrl(databaseUrl));
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
}
