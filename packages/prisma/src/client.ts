import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "../generated/prisma/client";

export interface PrismaClientOptions {
  databaseUrl: string;
  /** Pool size; defaults to the URL's `connection_limit` (Prisma's own parameter), else 10. */
  maxConnections?: number;
}

/** Splits Prisma's `connection_limit` off the URL: pg does not know it. */
function parseConnectionLimit(databaseUrl: string): { connectionString: string; connectionLimit: number | undefined } {
  const url = new URL(databaseUrl);
  const limit = url.searchParams.get("connection_limit");
  url.searchParams.delete("connection_limit");
  return { connectionString: url.toString(), connectionLimit: limit ? Number(limit) : undefined };
}

export function createPrismaClient({ databaseUrl, maxConnections }: PrismaClientOptions): PrismaClient {
  const { connectionString, connectionLimit } = parseConnectionLimit(databaseUrl);
  const max = maxConnections ?? connectionLimit ?? 10;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, allowExitOnIdle: true }) });
}
