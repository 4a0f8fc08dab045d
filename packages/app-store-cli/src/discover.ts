import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Folders under packages/app-store that are not apps: helpers (`_utils`), templates, tooling. */
export function isAppFolderName(name: string): boolean {
  return !name.startsWith("_") && !name.startsWith(".") && name !== "templates" && name !== "node_modules";
}

/** The extension points an app fills simply by having the file (Cal.com's convention). */
export const APP_FILES = {
  api: "api/index.ts",
  zod: "zod.ts",
  bookingDialogActions: "components/BookingDialogActions.tsx",
  settingsSection: "components/SettingsSection.tsx",
  appPage: "components/AppPage.tsx",
  calendarStatuses: "components/CalendarStatuses.tsx",
  navigation: "navigation.json",
  jobs: "jobs/index.ts",
  locales: "locales/en/common.json",
} as const;
export type AppFileKey = keyof typeof APP_FILES;

export interface AppFolder {
  dirName: string;
  dir: string;
  has: Record<AppFileKey, boolean>;
}

/** Every app folder, sorted by name so that everything derived from the list is deterministic. */
export function discoverAppFolders(appStoreDir: string): AppFolder[] {
  return readdirSync(appStoreDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isAppFolderName(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((dirName) => {
      const dir = join(appStoreDir, dirName);
      const has = Object.fromEntries(Object.entries(APP_FILES).map(([key, file]) => [key, existsSync(join(dir, file))])) as Record<AppFileKey, boolean>;
      return { dirName, dir, has };
    });
}
