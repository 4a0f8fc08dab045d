import { Inngest } from "inngest";

/** The app's id on Inngest: its functions appear under it in the dashboard. */
export const INNGEST_APP_ID = "session-checkout";

export type JobEngine = "inngest" | "embedded";

/**
 * Inngest runs the jobs when it is configured: both keys (Inngest Cloud or a self-hosted server),
 * or INNGEST_DEV (the dev server). Otherwise the embedded runner inside the host process does —
 * also when only one key is set, which cannot work (no events without the event key, no signed
 * requests without the signing key); `inngestMisconfiguration` says so at start.
 */
export function jobEngine(env: Readonly<Record<string, string | undefined>> = process.env): JobEngine {
  return (env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY) || devServer(env) ? "inngest" : "embedded";
}

/** INNGEST_DEV as the SDK reads it: "1"/"true" or a dev server's URL mean dev mode; "0"/"false" do not. */
export function devServer(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.INNGEST_DEV?.trim().toLowerCase();
  return Boolean(value) && !["0", "false", "no", "off"].includes(value!);
}

/** What is wrong with a half-set Inngest configuration, for the operator's log; null when nothing is. */
export function inngestMisconfiguration(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  if (devServer(env) || Boolean(env.INNGEST_EVENT_KEY) === Boolean(env.INNGEST_SIGNING_KEY)) return null;
  const [set, missing] = env.INNGEST_EVENT_KEY ? ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"] : ["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"];
  return `${set} is set but ${missing} is not: Inngest needs both, so auto-checkout runs embedded in this process until you set ${missing}.`;
}

const processWide = globalThis as typeof globalThis & { __sessionCheckoutInngest?: Inngest };

/** The process-wide client, made on first use (it reads the INNGEST_* variables then). */
export function getInngest(): Inngest {
  processWide.__sessionCheckoutInngest ??= new Inngest({ id: INNGEST_APP_ID });
  return processWide.__sessionCheckoutInngest;
}
