import type { PrismaClient } from "@calcom/prisma";
import { appStoreMetadata } from "@calcom/app-store/_utils/registry";

import type { TrpcSessionUserData } from "../../../types";

/** Every app in the registry, with whether the caller installed it. */
export const listHandler = async ({ ctx }: { ctx: { prisma: PrismaClient; user: TrpcSessionUserData } }) => {
  const installed = await ctx.prisma.credential.findMany({ where: { userId: ctx.user.id, appId: { not: null } }, select: { appId: true } });
  const installedSlugs = new Set(installed.map((credential) => credential.appId));
  return Object.entries(appStoreMetadata).map(([slug, meta]) => ({
    slug,
    name: meta.name,
    description: meta.description,
    logo: `/app-store/${meta.dirName}/${meta.logo}`,
    categories: meta.categories,
    publisher: meta.publisher,
    installed: installedSlugs.has(slug),
  }));
};

export default listHandler;
