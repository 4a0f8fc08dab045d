import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { APP_CATEGORIES, APP_VARIANTS } from "./app-meta";
import { buildRegistry, type BuildResult } from "./build";
import { CliError } from "./problems";

export interface CreateAppOptions {
  appStoreDir: string;
  slug: string;
  template: string;
  name?: string;
  description?: string;
  category?: string;
  publisher?: string;
  email?: string;
}

export function listTemplates(appStoreDir: string): string[] {
  const templatesDir = join(appStoreDir, "templates");
  if (!existsSync(templatesDir)) return [];
  return readdirSync(templatesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_") && existsSync(join(templatesDir, entry.name, "config.json")))
    .map((entry) => entry.name)
    .sort();
}

function titleFromSlug(slug: string): string {
  return slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

/** Scaffolds packages/app-store/<slug> from a template and registers it (the registry is rebuilt). */
export function createApp(options: CreateAppOptions): BuildResult & { dir: string } {
  const { appStoreDir, slug, template } = options;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) throw new CliError(`The slug "${slug}" must be lower-case letters, digits and dashes.`);
  const templates = listTemplates(appStoreDir);
  if (!templates.includes(template)) {
    throw new CliError(`There is no template "${template}". Templates: ${templates.join(", ") || "(none)"}.`);
  }
  const dir = join(appStoreDir, slug);
  if (existsSync(dir)) throw new CliError(`An app folder "${slug}" already exists.`);

  const templateDir = join(appStoreDir, "templates", template);
  const templateConfig = JSON.parse(readFileSync(join(templateDir, "config.json"), "utf8")) as Record<string, unknown>;
  const templateCategories = Array.isArray(templateConfig.categories) ? (templateConfig.categories as string[]) : [];
  const category = options.category ?? templateCategories[0] ?? "other";
  if (!(APP_CATEGORIES as ReadonlyArray<string>).includes(category)) {
    throw new CliError(`The category "${category}" is not one of ${APP_CATEGORIES.join(", ")}.`);
  }
  const name = options.name ?? titleFromSlug(slug);
  const description = options.description ?? `${name}, an app for Cal.com.`;

  cpSync(templateDir, dir, { recursive: true });
  try {
    const packagePath = join(dir, "package.json");
    const packageJson = JSON.parse(readFileSync(packagePath, "utf8")) as Record<string, unknown>;
    writeFileSync(packagePath, `${JSON.stringify({ ...packageJson, name: `@calcom/${slug}`, description }, null, 2)}\n`);

    const variant = category === "video" ? "conferencing" : (APP_VARIANTS as ReadonlyArray<string>).includes(category) ? category : "other";
    const config = {
      ...templateConfig,
      name,
      slug,
      type: `${slug}_${category}`,
      logo: "icon.svg",
      variant,
      categories: [category],
      publisher: options.publisher ?? templateConfig.publisher,
      email: options.email ?? templateConfig.email,
      description,
      isTemplate: false,
      __createdUsingCli: true,
      __template: template,
    };
    writeFileSync(join(dir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);

    const descriptionPath = join(dir, "DESCRIPTION.md");
    if (existsSync(descriptionPath)) {
      writeFileSync(descriptionPath, readFileSync(descriptionPath, "utf8").replaceAll("_DESCRIPTION_", description).replaceAll("_APP_DIR_", slug));
    }
    return { ...buildRegistry({ appStoreDir }), dir };
  } catch (error) {
    // A half-made app would break the next build: take it away again.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
