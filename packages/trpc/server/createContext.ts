import type { PrismaClient } from "@calcom/prisma";

import type { TrpcSessionUser } from "./types";

export interface TRPCContext {
  prisma: PrismaClient;
  user: TrpcSessionUser;
}

/** The host resolves the user from its session (the web app) or directly (tests, scripts). */
export function createContext({ prisma, user }: TRPCContext): TRPCContext {
  return { prisma, user };
}
