import type { PrismaClient } from "@calcom/prisma";
import { installApp } from "@calcom/app-store/_utils/installApp";

import type { TrpcSessionUserData } from "../../../types";
import type { TInstallInputSchema } from "./install.schema";

export const installHandler = ({ ctx, input }: { ctx: { prisma: PrismaClient; user: TrpcSessionUserData }; input: TInstallInputSchema }) =>
  installApp(ctx.prisma, { user: ctx.user, slug: input.slug });

export default installHandler;
