/*
 * Many rows in one statement as a few array parameters (`INSERT … SELECT * FROM unnest(…)`):
 * measured on 500-row batches, Prisma's createMany spent ~80 ms building each statement's
 * thousands of parameters, the database a few; arrays make it one parameter per column.
 */

/** A UTC instant as PostgreSQL's `timestamp` (without time zone) reads it: the columns hold UTC. */
export function sqlTimestamp(at: Date): string {
  return at.toISOString().replace("T", " ").replace("Z", "");
}
