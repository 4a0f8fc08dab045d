import cluster, { type Worker } from "node:cluster";
import { createRequire } from "node:module";

/*
 * The built web app in several processes sharing one port: one `next start` per worker, Node's
 * cluster handing out connections in turn. A Node process serves requests on one core; a machine
 * with more cores and a PostgreSQL that takes many connections serves more with more workers
 * (WEB_CONCURRENCY). Each worker starts the apps' background jobs too: every claim they make is a
 * database claim (SKIP LOCKED, advisory locks, unique rows), so two runners never do one job twice.
 *
 * Usage: web-workers.ts <workers> <port> <hostname> [-- node options for the workers]
 */
const [workersArg, port, hostname, separator, ...workerNodeArgs] = process.argv.slice(2);
const workers = Number(workersArg);
if (!Number.isInteger(workers) || workers < 1 || !port || !hostname || (separator !== undefined && separator !== "--")) {
  console.error("Usage: web-workers.ts <workers> <port> <hostname> [-- node options for the workers]");
  process.exit(2);
}

const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next");
cluster.setupPrimary({ exec: nextCli, args: ["start", "--port", port, "--hostname", hostname], execArgv: workerNodeArgs });

let stopping = false;
const RESTART_LIMIT = 5;
let restarts = 0;

cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  // A worker that died is replaced, a few times: one that cannot start would otherwise loop forever.
  console.error(`A web worker stopped (${signal ?? `code ${code}`}).`);
  if (++restarts > RESTART_LIMIT) {
    console.error(`Web workers stopped ${restarts} times; giving up.`);
    stop(1);
    return;
  }
  cluster.fork();
});

function stop(code = 0): void {
  stopping = true;
  const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
  if (running.length === 0) process.exit(code);
  for (const worker of running) worker.process.kill("SIGTERM");
  // Workers that do not finish in time are not waited for.
  setTimeout(() => process.exit(code), 10_000).unref();
}

process.on("SIGTERM", () => stop());
process.on("SIGINT", () => stop());

for (let i = 0; i < workers; i++) cluster.fork();
