import type { PrismaClient } from "@calcom/prisma";
import type { TrpcSessionUser } from "@calcom/trpc/server/types";

import { performSessionAction, type SessionActionInput } from "../lib/services/session-actions";

export interface AuthedHandlerContext {
  prisma: PrismaClient;
  user: NonNullable<TrpcSessionUser>;
}

/** The signed-in host performs one action on one session (the app's installation checked in its transaction). */
export function performAsCaller(ctx: AuthedHandlerContext, input: Omit<SessionActionInput, "actor" | "requireInstalled">) {
  return performSessionAction(ctx.prisma, { ...input, actor: { kind: "user", userId: ctx.user.id }, requireInstalled: true });
}
