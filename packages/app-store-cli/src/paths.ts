import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo's packages/app-store, next to this CLI package. */
export const DEFAULT_APP_STORE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "app-store");
