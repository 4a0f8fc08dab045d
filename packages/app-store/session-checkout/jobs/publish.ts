import type { AppEvent } from "./events";
import { getInngest, jobEngine } from "./client";

type EventSink = (events: AppEvent[]) => void;

// Kept on globalThis: Next may load this module once per route bundle, and the embedded runner
// started at boot must receive the events every copy publishes.
const processWide = globalThis as typeof globalThis & { __sessionCheckoutEmbeddedSink?: EventSink };

/** The embedded runner registers itself here while it runs in this process. */
export function setEmbeddedEventSink(sink: EventSink | null): void {
  processWide.__sessionCheckoutEmbeddedSink = sink ?? undefined;
}

/** Sends the app's events to Inngest when it is configured, else to the embedded runner; throws when Inngest refuses them. */
export async function sendAppEvents(events: AppEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (jobEngine() === "inngest") await getInngest().send(events);
  else processWide.__sessionCheckoutEmbeddedSink?.(events);
}

/**
 * Sends the app's events once the change they describe has committed. Never throws: the change is
 * done, and the database stays the truth — the scheduler's catch-up finishes whatever a lost event
 * would have started.
 */
export async function publishAppEvents(events: AppEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    await sendAppEvents(events);
  } catch (error) {
    console.error(
      `[session-checkout] Could not send ${events.length} event(s) (${events[0]!.name}…): ${error instanceof Error ? error.message : String(error)}. The change itself is saved; the scheduler's catch-up finishes what the event would have started once the job engine runs.`,
    );
  }
}
