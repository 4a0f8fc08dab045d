import type { PrismaClient } from "@calcom/prisma";

import type { TrpcSessionUserData } from "../../../types";
import type { TListInputSchema } from "./list.schema";

/** Bookings overlapping a range: the user's own, and their teams' where they are an admin or owner. */
export const listHandler = ({ ctx, input }: { ctx: { prisma: PrismaClient; user: TrpcSessionUserData }; input: TListInputSchema }) =>
  ctx.prisma.booking.findMany({
    where: {
      startTime: { lt: input.to },
      endTime: { gt: input.from },
      AND: [
        // A booking a reschedule replaced is shown as its replacement only (the column is NULL on most rows).
        { OR: [{ rescheduled: null }, { rescheduled: false }] },
        {
          OR: [
            { userId: ctx.user.id },
            { eventType: { team: { members: { some: { userId: ctx.user.id, accepted: true, role: { in: ["ADMIN", "OWNER"] } } } } } },
          ],
        },
      ],
    },
    select: {
      id: true,
      uid: true,
      userId: true,
      title: true,
      startTime: true,
      endTime: true,
      status: true,
      // The organizer: a team admin sees team members' sessions beside their own, and is told whose they are.
      user: { select: { name: true, email: true } },
      eventType: { select: { id: true, title: true, price: true, currency: true } },
      attendees: { select: { name: true, email: true, noShow: true }, orderBy: { id: "asc" } },
    },
    orderBy: { startTime: "asc" },
  });

export default listHandler;
