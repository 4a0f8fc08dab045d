import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { renderRegistry } from "./generate";
import { loadApps, type LoadedApp } from "./load-apps";
import { AppStoreProblems } from "./problems";

export interface BuildResult {
  apps: LoadedApp[];
  files: Record<string, string>;
  /** Files whose bytes changed (an unchanged file is not rewritten, so watchers and caches stay quiet). */
  written: string[];
}

/**
 * Validates every app and writes the registry into the app-store folder. All or nothing: with any
 * problem, nothing is written and AppStoreProblems lists them all.
 */
export function buildRegistry({ appStoreDir, write = true, displayRoot }: { appStoreDir: string; write?: boolean; displayRoot?: string }): BuildResult {
  const { apps, problems } = loadApps(appStoreDir, { displayRoot });
  if (problems.length > 0) throw new AppStoreProblems(problems);
  const files = renderRegistry(apps);
  const written: string[] = [];
  if (write) {
    for (const [name, contents] of Object.entries(files)) {
      const path = join(appStoreDir, name);
      if (existsSync(path) && readFileSync(path, "utf8") === contents) continue;
      writeFileSync(path, contents);
      written.push(name);
    }
  }
  return { apps, files, written };
}
