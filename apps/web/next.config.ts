import type { NextConfig } from "next";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Each app folder is a workspace package of its own (TypeScript sources): found on disk, never named here. */
const APP_STORE = path.join(import.meta.dirname, "..", "..", "packages", "app-store");
const appPackages = readdirSync(APP_STORE, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(APP_STORE, entry.name, "package.json")))
  .map((entry) => (JSON.parse(readFileSync(path.join(APP_STORE, entry.name, "package.json"), "utf8")) as { name: string }).name);

/** On every response: never framed (clickjacking), no MIME sniffing, no full URLs to other sites. */
const COMMON_HEADERS = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/**
 * Everything but pages (whose CSP, with a nonce, comes from proxy.ts): API answers run no script;
 * the app's public survey and unsubscribe pages (plain HTML forms) need their inline <style>, the
 * host's logo (any https image) and to post to themselves.
 */
const API_CSP = ["default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data: https:", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"].join("; ");

const headerList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

const config: NextConfig = {
  // The workspace packages are TypeScript sources: Next compiles them with the app.
  transpilePackages: ["@calcom/app-store", ...appPackages, "@calcom/features", "@calcom/trpc", "@calcom/ui", "@calcom/prisma", "@calcom/types"],
  // Server-only libraries with their own runtime files stay outside the bundle; nodemailer opens sockets.
  // React Email is bundled: its react-dom/server must be the React the app's templates are compiled
  // against (Next's own, in the App Router), not the React 18 installed beside it as in Cal.com.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "bcryptjs", "nodemailer"],
  turbopack: { root: path.join(import.meta.dirname, "..", "..") },
  outputFileTracingRoot: path.join(import.meta.dirname, "..", ".."),
  // A second build beside the usual one (e.g. two test runs at once) without touching it.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // No "X-Powered-By: Next.js": nothing to tell a scanner.
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: headerList(COMMON_HEADERS) },
      // API answers (and the survey pages, whose links carry a token) never need to send a referrer.
      { source: "/api/:path*", headers: headerList({ "Content-Security-Policy": API_CSP, "Referrer-Policy": "no-referrer" }) },
      { source: "/app-store/:path*", headers: headerList({ "Content-Security-Policy": API_CSP }) },
    ];
  },
};

export default config;
