import type { NextConfig } from "next";
import path from "node:path";

const config: NextConfig = {
  // The workspace packages are TypeScript sources: Next compiles them with the app.
  transpilePackages: ["@calcom/app-store", "@calcom/session-checkout", "@calcom/trpc", "@calcom/ui", "@calcom/prisma", "@calcom/types"],
  // Server-only libraries with their own runtime files stay outside the bundle.
  // React Email renders with its own react-dom/server and nodemailer opens sockets: both run as plain Node modules.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "bcryptjs", "@react-email/components", "@react-email/render", "nodemailer"],
  turbopack: { root: path.join(import.meta.dirname, "..", "..") },
  outputFileTracingRoot: path.join(import.meta.dirname, "..", ".."),
};

export default config;
