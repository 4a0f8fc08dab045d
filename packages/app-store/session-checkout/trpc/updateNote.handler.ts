import { updateNote } from "../lib/services/notes";
import type { AuthedHandlerContext } from "./session-action";
import type { TUpdateNoteInputSchema } from "./updateNote.schema";

export const updateNoteHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TUpdateNoteInputSchema }) =>
  updateNote(ctx.prisma, { callerId: ctx.user.id, ...input });

export default updateNoteHandler;
