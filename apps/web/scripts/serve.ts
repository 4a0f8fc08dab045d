import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const webRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(webRoot, "..", "..");
const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** NEXTAUTH_SECRET when given; otherwise one made once and kept in .data, so sign-ins survive restarts. */
export function sessionSecret(): string {
  return keptSecret("NEXTAUTH_SECRET", "nextauth-secret");
}

/** The secret that signs survey links, the same way: survey links in sent emails stay valid across restarts. */
export function surveyLinkSecret(): string {
  return keptSecret("SESSION_CHECKOUT_SURVEY_SECRET", "survey-secret");
}

function keptSecret(variable: string, fileName: string): string {
  const given = process.env[variable];
  if (given) return given;
  const file = join(repoRoot, ".data", fileName);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function runNext(args: string[], env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, nextCli, ...args], { cwd: webRoot, env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
}

export async function buildWebApp(env: Record<string, string>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = runNext(["build"], env);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}

/** Stops a web app startWebApp started (SIGTERM: its workers too) and waits until it has exited. */
export async function stopWebApp(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

/** WEB_CONCURRENCY: how many processes serve the web app (one unless set; see web-workers.ts). */
export function webConcurrency(): number {
  const workers = Number(process.env.WEB_CONCURRENCY || 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${process.env.WEB_CONCURRENCY}".`);
  return workers;
}

/**
 * Starts the built web app; resolves once it answers on its port. `nodeArgs` go to Node itself
 * (e.g. --cpu-prof, which NODE_OPTIONS may not carry); with more than one worker, to each worker.
 */
export async function startWebApp(env: Record<string, string>, port: number, nodeArgs: string[] = [], workers = webConcurrency()): Promise<ChildProcess> {
  const child =
    workers === 1
      ? runNext(["start", "--port", String(port), "--hostname", "127.0.0.1"], env, nodeArgs)
      : spawn(process.execPath, ["--import", "tsx", join(webRoot, "scripts", "web-workers.ts"), String(workers), String(port), "127.0.0.1", "--", ...nodeArgs], {
          cwd: webRoot,
          env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
          stdio: "inherit",
        });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The web app exited (code ${child.exitCode}).`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/auth/signin`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill();
  throw new Error(`The web app did not answer on port ${port} within a minute.`);
}
