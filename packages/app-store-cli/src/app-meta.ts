import { z } from "zod";

/*
 * Mirrors Cal.com's AppMetaSchema (packages/types/AppMetaSchema.ts at dd7b6477): the same required
 * fields and types, unknown fields passed through. Two checks are stricter than upstream's zod,
 * matching what Cal.com's TypeScript App type and database accept: `type` must end in one of
 * Cal.com's suffixes, and categories must be values of the AppCategories enum.
 */

export const APP_TYPE_SUFFIXES = [
  "_other_calendar",
  "_calendar",
  "_messaging",
  "_payment",
  "_video",
  "_conferencing",
  "_other",
  "_automation",
  "_analytics",
  "_crm",
] as const;

export const APP_VARIANTS = ["calendar", "payment", "conferencing", "video", "other", "other_calendar", "automation", "crm", "analytics", "messaging"] as const;

export const APP_CATEGORIES = ["calendar", "messaging", "other", "payment", "video", "web3", "automation", "analytics", "conferencing", "crm"] as const;

export const AppMetaSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    type: z.string().refine((type) => APP_TYPE_SUFFIXES.some((suffix) => type.endsWith(suffix) && type.length > suffix.length), {
      message: `must end in one of Cal.com's suffixes: ${APP_TYPE_SUFFIXES.join(", ")}`,
    }),
    variant: z.enum(APP_VARIANTS),
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
    categories: z.array(z.enum(APP_CATEGORIES)).min(1),
    logo: z.string().min(1),
    publisher: z.string().min(1),
    email: z.string().email(),
    url: z.string().url().optional(),
    isTemplate: z.boolean().optional(),
    isGlobal: z.boolean().optional(),
    licenseRequired: z.boolean().optional(),
    extendsFeature: z.enum(["EventType", "User"]).optional(),
    dependencies: z.array(z.string()).optional(),
    docsUrl: z.string().optional(),
    __createdUsingCli: z.boolean().optional(),
    __template: z.string().optional(),
  })
  .passthrough();

export type AppMeta = z.infer<typeof AppMetaSchema>;
