import { getServerSession } from "next-auth";

import { getPrisma } from "@calcom/prisma";
import type { TrpcSessionUserData } from "@calcom/trpc/server";

import { authOptions } from "./auth";

/** The signed-in user, fresh from the database (name and time zone may have changed since sign-in). */
export async function getSessionUser(): Promise<TrpcSessionUserData | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: number } | undefined)?.id;
  if (!id || !Number.isInteger(id)) return null;
  return getPrisma().user.findUnique({ where: { id }, select: { id: true, name: true, email: true, timeZone: true } });
}
