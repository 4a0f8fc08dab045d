import { z } from "zod";

import { ZNoteId } from "./inputs";

export const ZDeleteNoteInputSchema = z.object({ noteId: ZNoteId });
export type TDeleteNoteInputSchema = z.infer<typeof ZDeleteNoteInputSchema>;
