import { listNotes } from "../lib/services/notes";
import type { TListNotesInputSchema } from "./listNotes.schema";
import type { AuthedHandlerContext } from "./session-action";

export const listNotesHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TListNotesInputSchema }) =>
  listNotes(ctx.prisma, { callerId: ctx.user.id, bookingId: input.bookingId });

export default listNotesHandler;
