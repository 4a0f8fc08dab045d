import { deleteNote } from "../lib/services/notes";
import type { TDeleteNoteInputSchema } from "./deleteNote.schema";
import type { AuthedHandlerContext } from "./session-action";

export const deleteNoteHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TDeleteNoteInputSchema }) =>
  deleteNote(ctx.prisma, { callerId: ctx.user.id, noteId: input.noteId });

export default deleteNoteHandler;
