import type { PrismaClient } from "@calcom/prisma";
import { z } from "zod";

import { AUTO_CHECKOUT_ACTOR } from "../lib/actor";
import { SessionCheckoutError } from "../lib/errors";
import { autoCheckoutSessions } from "../lib/services/auto-checkout-batch";
import { advanceLines, findDueSessions, type DueCursor } from "../lib/services/due-sessions";
import { performSessionAction } from "../lib/services/session-actions";
import { sessionDueEvent, type AppEvent, type SessionDueData } from "./events";

/*
 * The bodies of the auto-checkout jobs, written once. Inngest runs them as durable functions
 * (functions.ts); the embedded runner (embedded-runner.ts) and the cron route run the very same
 * bodies with an in-process `step`. Step results are JSON, as Inngest memoises them.
 */

/** The part of Inngest's `step` tools the jobs use. */
export interface JobStep {
  run<T>(id: string, work: () => Promise<T>): Promise<T>;
  sleepUntil(id: string, until: Date): Promise<void>;
  sendEvent(id: string, events: AppEvent[]): Promise<void>;
}

export const SCHEDULER_CRON = "* * * * *";
/** Sessions due within this many minutes get a delayed run; the scheduler runs every minute. */
export const LOOK_AHEAD_MINUTES = 10;
/** Due sessions checked out per transaction in the catch-up. */
export const CATCH_UP_BATCH = 1000;
/** Events per send (Inngest's Event API takes at most 5,000 events or 3 MB a request). */
export const EVENT_BATCH = 500;
/** A bound on one pass, so a pass always ends; the next pass continues. */
const MAX_CATCH_UP = 100_000;
const MAX_PAGES = 200;

export interface SchedulerPassSummary {
  checkedOut: number;
  skipped: number;
  failed: Array<{ bookingId: number; error: string }>;
  scheduled: number;
}

/**
 * One scheduler pass. First the catch-up: every session already due (missed while the engine
 * was down, or whose run was cancelled) is checked out at once, in batches. Then the look-ahead:
 * one `session.due` event per session falling due in the next minutes, whose id (booking + due
 * time) makes a repeated send a no-op.
 */
export async function runSchedulerPass({
  db,
  step,
  clock = () => new Date(),
  batchSize = CATCH_UP_BATCH,
}: {
  db: PrismaClient;
  step: JobStep;
  clock?: () => Date;
  /** Sessions per catch-up transaction (the embedded runner, on a one-connection database, takes fewer). */
  batchSize?: number;
}): Promise<SchedulerPassSummary> {
  const summary: SchedulerPassSummary = { checkedOut: 0, skipped: 0, failed: [], scheduled: 0 };
  // Catch-up: the due sessions are selected once (ids only, so the memoised step stays small), then
  // checked out in batches; a session that fails is tried once per pass, and again next pass.
  const due = await step.run("find-due", async () => {
    const through = clock();
    const bookingIds = (await findDueSessions(db, { dueBy: through, limit: MAX_CATCH_UP })).map((session) => session.bookingId);
    return { through: through.toISOString(), bookingIds };
  });
  for (let batch = 0; batch * batchSize < due.bookingIds.length; batch++) {
    const ids = due.bookingIds.slice(batch * batchSize, (batch + 1) * batchSize);
    const result = await step.run(`catch-up-${batch + 1}`, () => autoCheckoutSessions(db, ids, clock));
    summary.checkedOut += result.checkedOut.length;
    summary.skipped += result.skipped.length;
    summary.failed.push(...result.failed);
  }
  // Everything due by then is decided: the hosts' lines move up (unless more was due than one pass takes).
  if (due.bookingIds.length < MAX_CATCH_UP) {
    const failedBookingIds = summary.failed.map((failure) => failure.bookingId);
    await step.run("advance-lines", () => advanceLines(db, { through: new Date(due.through), failedBookingIds }));
  }

  const windowStart = new Date(await step.run("look-ahead-from", async () => clock().toISOString()));
  const windowEnd = new Date(windowStart.getTime() + LOOK_AHEAD_MINUTES * 60_000);
  let after: DueCursor | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const events = await step.run(`find-upcoming-${page}`, async () =>
      (await findDueSessions(db, { dueAfter: windowStart, dueBy: windowEnd, after, limit: EVENT_BATCH })).map(sessionDueEvent),
    );
    if (events.length === 0) break;
    await step.sendEvent(`schedule-upcoming-${page}`, events);
    summary.scheduled += events.length;
    if (events.length < EVENT_BATCH) break;
    const last = events[events.length - 1]!.data as SessionDueData;
    after = { dueAt: new Date(last.dueAt), bookingId: last.bookingId };
  }
  return summary;
}

export const sessionDueDataSchema = z.object({
  bookingId: z.number().int().positive(),
  hostUserId: z.number().int().positive(),
  dueAt: z.string().datetime(),
  key: z.string().min(1).max(100),
});

export type DueSessionResult = { outcome: "checked-out"; bookingId: number; at: string } | { outcome: "skipped"; bookingId: number; reason: string };

/**
 * One session: sleep until its due time, then check it out through the same service as a manual
 * checkout, which re-checks every rule under the booking's lock with the settings in force now.
 * A refusal (checked out by hand, undone, No Show, a longer delay, switched off) ends the run;
 * any other error fails the step, and the engine retries it.
 */
export async function runDueSession({ db, step, data, clock = () => new Date() }: { db: PrismaClient; step: JobStep; data: SessionDueData; clock?: () => Date }): Promise<DueSessionResult> {
  await step.sleepUntil("wait-until-due", new Date(data.dueAt));
  return step.run("check-out", async (): Promise<DueSessionResult> => {
    try {
      const result = await performSessionAction(db, { bookingId: data.bookingId, action: "checkout", actor: AUTO_CHECKOUT_ACTOR, method: "AUTO", now: clock() });
      return { outcome: "checked-out", bookingId: data.bookingId, at: result.at.toISOString() };
    } catch (error) {
      if (error instanceof SessionCheckoutError) return { outcome: "skipped", bookingId: data.bookingId, reason: error.message };
      throw error;
    }
  });
}
