import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { appStoreMetadata } from "@calcom/app-store/_utils/registry";

// Next runs with the web app as its working directory; the app store sits two levels up.
const appStoreDir = process.env.APP_STORE_DIR ?? join(process.cwd(), "..", "..", "packages", "app-store");
const CONTENT_TYPES: Record<string, string> = { svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg" };

/** An app's static asset (its icon), from the app folder's static/ — only for registered apps and plain file names. */
export async function GET(_request: Request, { params }: { params: Promise<{ dir: string; file: string }> }) {
  const { dir, file } = await params;
  const extension = /^[\w.-]+\.(\w+)$/.exec(file)?.[1]?.toLowerCase();
  const registered = Object.values(appStoreMetadata).some((meta) => meta.dirName === dir);
  if (!registered || !extension || !CONTENT_TYPES[extension] || file.includes("..")) return new Response("Not found", { status: 404 });
  try {
    const body = await readFile(join(appStoreDir, dir, "static", file));
    return new Response(body, { headers: { "content-type": CONTENT_TYPES[extension], "cache-control": "public, max-age=3600" } });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
