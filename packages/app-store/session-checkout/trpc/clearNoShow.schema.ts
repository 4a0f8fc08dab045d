import type { z } from "zod";

import { ZMarkNoShowInputSchema } from "./markNoShow.schema";

export const ZClearNoShowInputSchema = ZMarkNoShowInputSchema;
export type TClearNoShowInputSchema = z.infer<typeof ZClearNoShowInputSchema>;
