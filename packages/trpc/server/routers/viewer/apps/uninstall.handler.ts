import type { PrismaClient } from "@calcom/prisma";
import { uninstallApp } from "@calcom/app-store/_utils/installApp";

import type { TrpcSessionUserData } from "../../../types";
import type { TUninstallInputSchema } from "./uninstall.schema";

export const uninstallHandler = ({ ctx, input }: { ctx: { prisma: PrismaClient; user: TrpcSessionUserData }; input: TUninstallInputSchema }) =>
  uninstallApp(ctx.prisma, { userId: ctx.user.id, slug: input.slug });

export default uninstallHandler;
