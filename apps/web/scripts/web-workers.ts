import cluster, { type Worker } from "node:cluster";
import { createRequire } from "node:module";

import { RateLimiterClusterMaster } from "rate-limiter-flexible";

/*
 * The built web app in several processes sharing one port: one `next start` per worker, Node's
 * cluster handing out connections in turn. A Node process serves requests on one core; a machine
 * with more cores and a PostgreSQL that takes many connections serves more with more workers
 * (WEB_CONCURRENCY). What must be one count across workers lives here, in the primary: the
 * sign-in limits (lib/sign-in-limiter.ts asks it over the cluster's channel). Each worker starts
 * the apps' background jobs too: every claim they make is a database claim (SKIP LOCKED, advisory
 * locks, unique rows), so two runners never do one job twice.
 *
 * Usage: web-workers.ts <workers> <port> <hostname> [-- node options for the workers]
 */
const [workersArg, port, hostname, separator, ...workerNodeArgs] = process.argv.slice(2);
const workers = Number(workersArg);
if (!Number.isInteger(workers) || workers < 1 || !port || !hostname || (separator !== undefined && separator !== "--")) {
  console.error("Usage: web-workers.ts <workers> <port> <hostname> [-- node options for the workers]");
  process.exit(2);
}

/** A worker that keeps dying is not restarted forever: at most this many restarts in the window. */
const RESTARTS_PER_WINDOW = 5;
const RESTART_WINDOW_MS = 60_000;
const STOP_GRACE_MS = 10_000;

new RateLimiterClusterMaster();
const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next");
cluster.setupPrimary({ exec: nextCli, args: ["start", "--port", port, "--hostname", hostname], execArgv: workerNodeArgs });

let stopping = false;
let exitCode = 0;
const recentRestarts: number[] = [];
const running = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());

cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (running().length === 0) process.exit(exitCode);
    return;
  }
  console.error(`A web worker stopped (${signal ?? `code ${code}`}).`);
  const now = Date.now();
  while (recentRestarts.length > 0 && now - recentRestarts[0]! > RESTART_WINDOW_MS) recentRestarts.shift();
  if (recentRestarts.length >= RESTARTS_PER_WINDOW) {
    console.error(`Web workers stopped ${RESTARTS_PER_WINDOW + 1} times within a minute; stopping the web app.`);
    stop(1);
    return;
  }
  recentRestarts.push(now);
  // A short pause that grows with each recent restart: a worker that cannot start does not spin.
  setTimeout(() => {
    if (!stopping) cluster.fork();
  }, 250 * recentRestarts.length);
});

function stop(code: number): void {
  stopping = true;
  exitCode = Math.max(exitCode, code);
  process.exitCode = exitCode;
  const workersLeft = running();
  if (workersLeft.length === 0) process.exit(exitCode);
  for (const worker of workersLeft) worker.process.kill("SIGTERM");
  // Workers that do not finish in time are killed, not left behind.
  setTimeout(() => {
    for (const worker of running()) worker.process.kill("SIGKILL");
    process.exit(exitCode);
  }, STOP_GRACE_MS).unref();
}

process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

for (let i = 0; i < workers; i++) cluster.fork();
