import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

import { AppMetaSchema, type AppMeta } from "./app-meta";
import { discoverAppFolders, type AppFolder } from "./discover";
import { identifierFor } from "./generate";
import type { Problem } from "./problems";

export interface LoadedApp extends AppFolder {
  slug: string;
  meta: AppMeta;
}

/** Reads and validates every app's config.json. Collects every problem rather than stopping at the first. */
export function loadApps(appStoreDir: string, { displayRoot = appStoreDir }: { displayRoot?: string } = {}): { apps: LoadedApp[]; problems: Problem[] } {
  const apps: LoadedApp[] = [];
  const problems: Problem[] = [];
  const display = (path: string) => relative(displayRoot, path) || path;

  for (const folder of discoverAppFolders(appStoreDir)) {
    const configPath = join(folder.dir, "config.json");
    const file = display(configPath);
    if (!existsSync(configPath)) {
      problems.push({ file, message: "is missing: every app folder needs a config.json (or rename the folder to start with _ if it is not an app)" });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(configPath, "utf8"));
    } catch (error) {
      problems.push({ file, message: `is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = AppMetaSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, field: issue.path.join(".") || "(root)", message: issue.message });
      }
      continue;
    }
    apps.push({ ...folder, slug: parsed.data.slug, meta: parsed.data });
  }

  // Values that must be unique across apps: the slug, the type, and the identifier a folder name
  // becomes in the registry ("a-b" and "a_b" would both be a_b).
  const mustBeUnique = (key: (app: LoadedApp) => string, field: string, describe: (value: string, others: string) => string) => {
    const groups = new Map<string, LoadedApp[]>();
    for (const app of apps) groups.set(key(app), [...(groups.get(key(app)) ?? []), app]);
    for (const [value, owners] of groups) {
      if (owners.length < 2) continue;
      for (const owner of owners) {
        const others = owners.filter((other) => other !== owner).map((other) => display(join(other.dir, "config.json")));
        problems.push({ file: display(join(owner.dir, "config.json")), field, message: describe(value, others.join(", ")) });
      }
    }
  };
  mustBeUnique((app) => app.slug, "slug", (slug, others) => `"${slug}" is also used by ${others}; slugs must be unique`);
  mustBeUnique((app) => app.meta.type, "type", (type, others) => `the type "${type}" is also used by ${others}`);
  mustBeUnique((app) => identifierFor(app.dirName), "(folder name)", (id, others) => `the folder name's identifier "${id}" is also used by ${others}`);

  return { apps, problems };
}
