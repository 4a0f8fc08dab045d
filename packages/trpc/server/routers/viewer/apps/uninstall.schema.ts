import type { z } from "zod";

import { ZInstallInputSchema } from "./install.schema";

export const ZUninstallInputSchema = ZInstallInputSchema;
export type TUninstallInputSchema = z.infer<typeof ZUninstallInputSchema>;
