import { appJobs, appStoreMetadata, type AppStoreSlug } from "@calcom/app-store/_utils/registry";

const processWide = globalThis as typeof globalThis & { __calcomAppJobsStarted?: boolean };

/** Starts every registered app's jobs once per process and stops them when the process is asked to end. */
export async function startAppJobs(): Promise<void> {
  if (processWide.__calcomAppJobsStarted) return;
  processWide.__calcomAppJobsStarted = true;
  const running: Array<{ stop(): Promise<void> }> = [];
  for (const [slug, load] of Object.entries(appJobs) as Array<[AppStoreSlug, NonNullable<(typeof appJobs)[AppStoreSlug]>]>) {
    try {
      const jobs = (await load()).startJobs();
      running.push(jobs);
      console.log(`${appStoreMetadata[slug].name}: ${jobs.description}`);
    } catch (error) {
      console.error(`${appStoreMetadata[slug].name}: its background jobs did not start.`, error);
    }
  }
  const stopAll = () => void Promise.allSettled(running.map((jobs) => jobs.stop())).then(() => process.exit(0));
  process.once("SIGTERM", stopAll);
  process.once("SIGINT", stopAll);
}
