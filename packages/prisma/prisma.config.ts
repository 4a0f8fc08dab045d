import path from "node:path";
import { defineConfig } from "prisma/config";

import { createMigrationAdapter } from "./src/migration-adapter";

// Placeholder so `prisma generate` works without a database; commands that connect need a real URL.
const OFFLINE_PLACEHOLDER_URL = "postgresql://localhost:5432/unset";
process.env.DATABASE_URL ??= OFFLINE_PLACEHOLDER_URL;

export default defineConfig({
  schema: path.join("schema"),
  migrations: { path: path.join("migrations") },
  // The JS schema engine through a driver adapter: no native engine is downloaded.
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => createMigrationAdapter(process.env.DATABASE_URL ?? OFFLINE_PLACEHOLDER_URL),
});
