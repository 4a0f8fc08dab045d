import type { PrismaClient } from "./generated/prisma/client";
import { createPrismaClient } from "./src/client";

export { createPrismaClient } from "./src/client";
export type { PrismaClientOptions } from "./src/client";
export { Prisma, PrismaClient } from "./generated/prisma/client";

/** A client inside `prisma.$transaction(async (tx) => …)`. */
export type PrismaTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Kept on globalThis: a bundler (Next) may load this module once per route bundle, and every
// copy must share one pool — the embedded database serves a single connection.
const processWide = globalThis as typeof globalThis & { __calcomPrismaClient?: PrismaClient };

/** The process-wide client for DATABASE_URL, made on first use (the embedded database sets the URL at start-up). */
export function getPrisma(): PrismaClient {
  if (!processWide.__calcomPrismaClient) {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("DATABASE_URL is not set: start the embedded database first or point it at PostgreSQL.");
    processWide.__calcomPrismaClient = createPrismaClient({ databaseUrl });
  }
  return processWide.__calcomPrismaClient;
}

/**
 * Cal.com's `import prisma from "@calcom/prisma"` (or the named `prisma`): the same client, resolved on first use so a
 * process can start the embedded database before anything touches it.
 */
export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(getPrisma(), property),
});

export default prisma;
