import { Command, CommanderError } from "commander";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { buildRegistry } from "./build";
import { createApp } from "./create";
import { mergeAppSchema } from "./merge-schema";
import { DEFAULT_APP_STORE_DIR } from "./paths";
import { AppStoreProblems, CliError, formatProblem } from "./problems";

const MANUAL_STEPS = (slug: string, routerKey: string) => `
Still to do by hand in the Cal.com checkout (docs/install-into-calcom.md explains each):
  1. packages/trpc/server/routers/viewer/_router.tsx: import the app's router
       import sessionCheckoutRouter from "@calcom/app-store/${slug}/trpc/_router";
     and add   ${routerKey}: sessionCheckoutRouter,   to viewerRouter.
  2. apps/web/pages/api/trpc/${routerKey}/[trpc].ts: export default createNextApiHandler(sessionCheckoutRouter);
  3. packages/trpc/react/shared.ts: add "${routerKey}" to ENDPOINTS.
  4. yarn workspace @calcom/prisma prisma generate, then yarn workspace @calcom/prisma db-deploy.
`;

function program(output: { log: (line: string) => void }): Command {
  const cli = new Command("app-store").description("Cal.com app-store tooling: build the registry, validate, scaffold, merge schemas.");
  cli.exitOverride();
  cli.option("--app-store <dir>", "the app-store folder", DEFAULT_APP_STORE_DIR);
  const appStoreDir = () => resolve(cli.opts<{ appStore: string }>().appStore);

  cli
    .command("build")
    .description("validate every app and write the registry files (nothing is written if any app is broken)")
    .action(() => {
      const { apps, written } = buildRegistry({ appStoreDir: appStoreDir(), displayRoot: process.cwd() });
      output.log(`Registered ${apps.length} app${apps.length === 1 ? "" : "s"} (${apps.map((a) => a.slug).join(", ")}); ${written.length ? `wrote ${written.join(", ")}` : "registry unchanged"}.`);
    });

  cli
    .command("validate")
    .description("check every app's config.json without writing anything")
    .action(() => {
      const { apps } = buildRegistry({ appStoreDir: appStoreDir(), write: false, displayRoot: process.cwd() });
      output.log(`${apps.length} app${apps.length === 1 ? "" : "s"} valid.`);
    });

  cli
    .command("create")
    .description("scaffold a new app from a template and register it")
    .requiredOption("--slug <slug>", "the app's slug and folder name")
    .requiredOption("--template <name>", "a folder under packages/app-store/templates")
    .option("--name <name>")
    .option("--description <text>")
    .option("--category <category>")
    .option("--publisher <name>")
    .option("--email <email>")
    .action((options: { slug: string; template: string; name?: string; description?: string; category?: string; publisher?: string; email?: string }) => {
      const { dir } = createApp({ appStoreDir: appStoreDir(), ...options });
      output.log(`Created ${dir} from the "${options.template}" template and registered it. Run npm install to link its package.`);
    });

  cli
    .command("merge-schema")
    .description("merge an app's Prisma schema extension (and migrations) into a Cal.com checkout")
    .requiredOption("--into <schema.prisma>", "Cal.com's packages/prisma/schema.prisma")
    .option("--app <folder>", "the app folder", "session-checkout")
    .option("--migrations-into <dir>", "also copy the app's migrations there (Cal.com's packages/prisma/migrations)")
    .option("--router-key <key>", "the viewer router key for the printed steps", "appSessionCheckout")
    .action((options: { into: string; app: string; migrationsInto?: string; routerKey: string }) => {
      const appDir = join(appStoreDir(), options.app);
      const appSchemaPath = join(appDir, "prisma", `${options.app}.prisma`);
      if (!existsSync(appSchemaPath)) throw new CliError(`${appSchemaPath} does not exist: the app has no schema extension.`);
      const schemaPath = resolve(options.into);
      const result = mergeAppSchema({
        calcomSchema: readFileSync(schemaPath, "utf8"),
        appSchema: readFileSync(appSchemaPath, "utf8"),
        appSlug: options.app,
        appSchemaPath: `packages/app-store/${options.app}/prisma/${options.app}.prisma`,
        schemaPath,
      });
      if (result.problems.length > 0) throw new AppStoreProblems(result.problems);
      writeFileSync(schemaPath, result.schema);
      output.log(
        result.addedFields.length + result.addedBlocks.length === 0
          ? `${schemaPath} already has everything ${options.app} needs.`
          : `Merged into ${schemaPath}: ${result.addedBlocks.length} blocks (${result.addedBlocks.join(", ")}) and back-relations ${result.addedFields.join(", ")}.`,
      );
      if (options.migrationsInto) {
        const source = join(appDir, "prisma", "migrations");
        for (const migration of readdirSync(source).sort()) {
          const target = join(resolve(options.migrationsInto), migration);
          if (existsSync(join(target, "migration.sql"))) continue;
          mkdirSync(target, { recursive: true });
          copyFileSync(join(source, migration, "migration.sql"), join(target, "migration.sql"));
          output.log(`Copied migration ${migration}.`);
        }
      }
      output.log(MANUAL_STEPS(options.app, options.routerKey));
    });

  return cli;
}

/** Runs the CLI; returns the exit code. Problems are printed one per line, naming file and field. */
export async function main(argv: string[], output: { log: (line: string) => void; error: (line: string) => void } = console): Promise<number> {
  try {
    await program(output).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof AppStoreProblems) {
      output.error(`${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}; nothing was written:`);
      for (const problem of error.problems) output.error(`  ${formatProblem(problem)}`);
      return 1;
    }
    if (error instanceof CliError) {
      output.error(error.message);
      return 1;
    }
    throw error;
  }
}
