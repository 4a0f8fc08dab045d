import { Inngest } from "inngest";

/** The app's id on Inngest: its functions appear under it in the dashboard. */
export const INNGEST_APP_ID = "session-checkout";

export type JobEngine = "inngest" | "embedded";

/**
 * Inngest runs the jobs when it is configured (Cloud keys, or INNGEST_DEV pointing at a dev or
 * self-hosted server); otherwise the embedded runner inside the host process does.
 */
export function jobEngine(env: NodeJS.ProcessEnv = process.env): JobEngine {
  return env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY || env.INNGEST_DEV ? "inngest" : "embedded";
}

const processWide = globalThis as typeof globalThis & { __sessionCheckoutInngest?: Inngest };

/** The process-wide client, made on first use (it reads the INNGEST_* variables then). */
export function getInngest(): Inngest {
  processWide.__sessionCheckoutInngest ??= new Inngest({ id: INNGEST_APP_ID });
  return processWide.__sessionCheckoutInngest;
}
