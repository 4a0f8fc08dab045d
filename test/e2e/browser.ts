import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "test-results", "e2e");
export const DEMO_PASSWORD = "session-checkout-demo";

/** Debian's Chromium, driven by playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export async function signIn(page: Page, baseUrl: string, email: string, path = "/calendar"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The exact page, not a glob: the sign-in page's own URL carries the path in its callbackUrl.
  const target = path.split("?")[0];
  await page.waitForURL((url) => url.pathname === target);
}

/** test-results/e2e/<name>.png (a name may hold a folder); the whole page, or with fullPage false the first view a person gets. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage });
}
