import { z } from "zod";

import { isAppStoreSlug } from "@calcom/app-store/_utils/registry";

/** Also the input of uninstall. */
export const ZInstallInputSchema = z.object({
  slug: z.string().refine(isAppStoreSlug, (slug) => ({ message: `There is no app "${slug}" in the App Store.` })),
});
export type TInstallInputSchema = z.infer<typeof ZInstallInputSchema>;
