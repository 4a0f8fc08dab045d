import prisma from "@calcom/prisma";
import type { Prisma } from "@calcom/prisma/client";

/** Installing an app means a Credential row for the user (or team) pointing at the app. */
export async function createDefaultInstallation({
  appType,
  user,
  slug,
  key = {},
  teamId,
}: {
  appType: string;
  user: { id: number };
  slug: string;
  key?: Prisma.InputJsonValue;
  teamId?: number;
}) {
  return prisma.credential.create({
    data: { type: appType, key, ...(teamId ? { teamId } : { userId: user.id }), appId: slug },
  });
}
