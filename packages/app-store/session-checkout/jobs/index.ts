import { prisma } from "@calcom/prisma";

import { devServer, getInngest, inngestMisconfiguration, jobEngine } from "./client";
import { surveyMailer } from "../emails/mail-transport";
import { EmbeddedJobRunner } from "./embedded-runner";
import { createAutoCheckoutFunctions } from "./functions";

/** The functions the Inngest serve endpoint registers (made once, on the process-wide client). */
let functions: ReturnType<typeof createAutoCheckoutFunctions> | undefined;
export function sessionCheckoutFunctions() {
  functions ??= createAutoCheckoutFunctions({ inngest: getInngest(), db: () => prisma });
  return functions;
}

export const SERVE_PATH = "/api/integrations/session-checkout/inngest";

/**
 * Called once by the host at boot. With Inngest configured the jobs run there (registered at the
 * serve endpoint) and nothing starts here; otherwise the embedded runner starts in this process.
 */
export function startJobs(): { description: string; stop(): Promise<void> } {
  if (jobEngine() === "inngest") {
    const url = `${process.env.NEXT_PUBLIC_WEBAPP_URL ?? ""}${SERVE_PATH}`;
    return {
      description: `Auto-checkout runs on Inngest, not in this process: nothing is checked out until your Inngest server (${process.env.INNGEST_BASE_URL || (devServer() ? "the dev server" : "Inngest Cloud")}) runs and has synced ${url}.`,
      stop: async () => undefined,
    };
  }
  const runner = new EmbeddedJobRunner({ db: () => prisma, mailer: () => surveyMailer() });
  runner.start();
  const warning = inngestMisconfiguration();
  if (!surveyMailer()) console.log("[session-checkout] No SMTP server is set (EMAIL_SERVER_HOST): survey emails stay queued until one is.");
  return {
    description: warning ?? "Auto-checkout runs embedded in this process: a scheduler pass every minute, each session checked out when it falls due. Set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY to run it on Inngest instead.",
    stop: () => runner.stop(),
  };
}
