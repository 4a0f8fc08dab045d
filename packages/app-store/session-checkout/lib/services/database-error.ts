/** PostgreSQL's SQLSTATE of a failed query, as Prisma's driver adapter reports it; undefined for anything else. */
export function databaseErrorCode(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}
