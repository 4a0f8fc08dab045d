import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";

import { getPrisma } from "@calcom/prisma";

import { seedDemo } from "../../apps/web/scripts/seed-demo";
import { buildWebApp, startWebApp } from "../../apps/web/scripts/serve";
import integrationSetup from "../support/global-setup";
import { databaseUrl, templateDatabaseName, withAdminClient } from "../support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The built web app on a database of its own (the demo seeded), as a person would meet it. */
export default async function setup(project: TestProject) {
  await integrationSetup();
  const name = `session_checkout_e2e_${process.pid}_${randomBytes(3).toString("hex")}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`));
  const url = databaseUrl(name);
  process.env.DATABASE_URL = url;
  await seedDemo(getPrisma());
  await getPrisma().$disconnect();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseUrl, NEXT_PUBLIC_WEBAPP_URL: baseUrl };
  if (process.env.SKIP_WEB_BUILD !== "1") await buildWebApp(env);
  const web: ChildProcess = await startWebApp(env, port);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", url);

  return async () => {
    web.kill("SIGTERM");
    await new Promise((resolve) => web.once("exit", resolve));
    await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
}
