import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";

import { getPrisma } from "@calcom/prisma";

import { startMailCatcher } from "../../apps/web/scripts/mail-catcher";
import { seedDemo, seedLiveShowcase } from "../../apps/web/scripts/seed-demo";
import { buildWebApp, startWebApp, stopWebApp } from "../../apps/web/scripts/serve";
import integrationSetup from "../support/global-setup";
import { databaseUrl, ownerIsAlive, templateDatabaseName, withAdminClient } from "../support/postgres";
import { freePort } from "../support/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    /** The mail catcher's web inbox (maildev), where the app's survey emails arrive over SMTP. */
    inboxUrl: string;
  }
}


/** The built web app on a database of its own (the demo seeded), as a person would meet it. */
export default async function setup(project: TestProject) {
  await integrationSetup();
  const name = `session_checkout_e2e_${process.pid}_${randomBytes(3).toString("hex")}`;
  const dropDatabase = () => withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await withAdminClient(async (admin) => {
    // Databases left by e2e runs that crashed before their teardown.
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'session_checkout_e2e_%'");
    for (const { datname } of rows.filter((row) => !ownerIsAlive(row.datname))) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`);
  });
  let web: ChildProcess | undefined;
  // As `npm start` does with no SMTP server configured: a real SMTP server with a web inbox.
  const mailCatcher = await startMailCatcher();
  try {
    const url = databaseUrl(name);
    process.env.DATABASE_URL = url;
    await seedDemo(getPrisma());
    await getPrisma().$disconnect();
    const secret = randomBytes(32).toString("base64url");
    const buildEnv = { DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "http://127.0.0.1", NEXT_PUBLIC_WEBAPP_URL: "http://127.0.0.1" };
    if (process.env.SKIP_WEB_BUILD !== "1") await buildWebApp(buildEnv);
    // As `npm start` does: the auto-checkout showcase falls due shortly after the server starts.
    await seedLiveShowcase(getPrisma(), 20);
    await getPrisma().$disconnect();
    // The port is chosen after the build, right before the server binds it.
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const mailEnv = { EMAIL_SERVER_HOST: "127.0.0.1", EMAIL_SERVER_PORT: String(mailCatcher.smtpPort), EMAIL_FROM: "Session Checkout <notifications@e2e.example>" };
    web = await startWebApp({ ...buildEnv, ...mailEnv, NEXTAUTH_URL: baseUrl, NEXT_PUBLIC_WEBAPP_URL: baseUrl }, port);
    project.provide("baseUrl", baseUrl);
    project.provide("databaseUrl", url);
    project.provide("inboxUrl", mailCatcher.inboxUrl);
  } catch (error) {
    web?.kill("SIGTERM");
    await mailCatcher.stop();
    await dropDatabase();
    throw error;
  }
  const server = web;

  return async () => {
    await stopWebApp(server);
    await mailCatcher.stop();
    await dropDatabase();
  };
}
