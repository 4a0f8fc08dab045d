import type { JobStep } from "./auto-checkout";
import { sendAppEvents } from "./publish";

/**
 * Step tools for running a job body once, right here (the cron route): steps run at once, their
 * results pass through JSON as under Inngest, and events go wherever the app's events go.
 */
export const immediateStep: JobStep = {
  run: async <T>(_id: string, work: () => Promise<T>) => JSON.parse(JSON.stringify(await work())) as T,
  sleepUntil: async (id) => {
    throw new Error(`Step "${id}" sleeps: run this job on Inngest or the embedded runner, not inline.`);
  },
  // A refusal fails the pass, so the caller learns that nothing was scheduled.
  sendEvent: (_id, events) => sendAppEvents(events),
};
