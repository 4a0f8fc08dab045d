import { addNote } from "../lib/services/notes";
import type { TAddNoteInputSchema } from "./addNote.schema";
import type { AuthedHandlerContext } from "./session-action";

export const addNoteHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TAddNoteInputSchema }) =>
  addNote(ctx.prisma, { callerId: ctx.user.id, ...input });

export default addNoteHandler;
