import { z } from "zod";

import { ZNoteBody, ZNoteId } from "./inputs";

export const ZUpdateNoteInputSchema = z.object({ noteId: ZNoteId, body: ZNoteBody });
export type TUpdateNoteInputSchema = z.infer<typeof ZUpdateNoteInputSchema>;
