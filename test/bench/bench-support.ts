import { performance } from "node:perf_hooks";
import pg from "pg";

/* What every benchmark here needs: one connection for a piece of work, a timer, rounding, SQL time literals. */

export const round = (value: number, digits = 1) => +value.toFixed(digits);

/** A UTC instant as PostgreSQL's `timestamp` (without time zone) reads it: the columns hold UTC. */
export const sqlTimestamp = (at: Date) => at.toISOString().replace("T", " ").replace("Z", "");

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}
