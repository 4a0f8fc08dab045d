import type { PrismaClient } from "@calcom/prisma";

import type { TrpcSessionUserData } from "../../../types";
import type { TListInputSchema } from "./list.schema";

/** The host's bookings overlapping a range, with what the calendar and the dialog show. */
export const listHandler = ({ ctx, input }: { ctx: { prisma: PrismaClient; user: TrpcSessionUserData }; input: TListInputSchema }) =>
  ctx.prisma.booking.findMany({
    where: { userId: ctx.user.id, startTime: { lt: input.to }, endTime: { gt: input.from } },
    select: {
      id: true,
      uid: true,
      title: true,
      startTime: true,
      endTime: true,
      status: true,
      eventType: { select: { id: true, title: true, price: true, currency: true } },
      attendees: { select: { name: true, email: true, noShow: true }, orderBy: { id: "asc" } },
    },
    orderBy: { startTime: "asc" },
  });

export default listHandler;
