import type { PrismaClient } from "@calcom/prisma";

import { runDueSession, runSchedulerPass, type DueSessionResult, type JobStep, type SchedulerPassSummary } from "./auto-checkout";
import type { SurveyMailer } from "../emails/mail-transport";
import { logSummary } from "../lib/errors";
import { MAX_ATTEMPTS } from "../lib/services/survey-delivery";
import { cancelsRun } from "./cancellation";
import { DELIVERY_TRIGGERS, SESSION_DUE, type AppEvent, type SessionDueData } from "./events";
import { noDelivery, runSurveyDelivery, type DeliveryRunSummary } from "./survey-delivery";
import { setEmbeddedEventSink } from "./publish";

const MINUTE_MS = 60_000;
/** A step that throws is tried again after these pauses (Inngest retries the same way, with its own back-off). */
const RETRY_PAUSES_MS = [1_000, 5_000, 30_000];
/** Idempotency keys are remembered this long, as Inngest remembers event ids. */
const REMEMBER_KEYS_MS = 24 * 60 * MINUTE_MS;
/** Node timers cannot wait longer than ~24.8 days; sleeps wake at least this often and check the clock. */
const MAX_TIMER_MS = 60 * MINUTE_MS;
/** 100 sessions take about 0.2 s on the embedded database (500: about 1 s). */
const EMBEDDED_BATCH = 100;

export interface EmbeddedRunnerOptions {
  db: () => PrismaClient;
  clock?: () => Date;
  /** Waits until the clock reaches `until` (or the signal aborts). Tests pass a controllable one. */
  sleepUntil?: (until: Date, signal: AbortSignal) => Promise<void>;
  log?: (line: string) => void;
  retryPausesMs?: ReadonlyArray<number>;
  /** Catch-up sessions per transaction: small, so a host's own action never waits long for the embedded database's one connection. */
  batchSize?: number;
  /** Where survey emails go; none: surveys stay queued. */
  mailer?: () => SurveyMailer | null;
}

class Cancelled extends Error {}

interface SleepingRun {
  data: SessionDueData;
  controller: AbortController;
}

/**
 * Runs the app's jobs inside the host process when no Inngest is configured: the scheduler on a
 * timer at every minute, and each session's delayed run as an in-process sleep. Both call the
 * same bodies as the Inngest functions (auto-checkout.ts), with Inngest's semantics kept where
 * they matter: idempotency on the run key, cancellation by the app's events, one pass at a time,
 * one host's checkouts one after another, retries of a failing step. Nothing is kept outside the
 * database: after a restart, the first pass's catch-up finishes whatever fell due meanwhile.
 */
export class EmbeddedJobRunner {
  private readonly sleeping = new Map<string, SleepingRun>();
  private readonly seenKeys = new Map<string, number>();
  private readonly hostQueues = new Map<number, Promise<unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private pass: Promise<SchedulerPassSummary> | null = null;
  private delivery: Promise<DeliveryRunSummary> | null = null;
  private deliveryAgain = false;
  private schedulerTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly clock: () => Date;
  private readonly wait: (until: Date, signal: AbortSignal) => Promise<void>;
  private readonly log: (line: string) => void;
  private readonly retryPauses: ReadonlyArray<number>;
  private readonly batchSize: number;

  constructor(private readonly options: EmbeddedRunnerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.wait = options.sleepUntil ?? ((until, signal) => realSleepUntil(until, signal, this.clock));
    this.log = options.log ?? ((line) => console.log(`[session-checkout] ${line}`));
    this.retryPauses = options.retryPausesMs ?? RETRY_PAUSES_MS;
    this.batchSize = options.batchSize ?? EMBEDDED_BATCH;
  }

  /**
   * Receives the app's events from this process, runs a pass now (the catch-up) and then at every
   * minute. `everyMinute: false` only listens (tests drive the passes themselves).
   */
  start({ everyMinute = true }: { everyMinute?: boolean } = {}): void {
    setEmbeddedEventSink((events) => this.accept(events));
    if (!everyMinute) return;
    const tick = () => {
      if (this.stopped) return;
      void this.runPass().catch((error) => this.log(`Auto-checkout pass failed: ${logSummary(error, 300)}. The next pass, in a minute, tries again.`));
      void this.deliverSurveys();
      const now = Date.now();
      this.schedulerTimer = setTimeout(tick, MINUTE_MS - (now % MINUTE_MS));
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    setEmbeddedEventSink(null);
    if (this.schedulerTimer) clearTimeout(this.schedulerTimer);
    this.sleeping.forEach((run) => run.controller.abort());
    await Promise.allSettled([...Array.from(this.inFlight), this.pass]);
  }

  /** One scheduler pass; a pass asked for while one runs joins it (as Inngest's concurrency of 1). */
  runPass(): Promise<SchedulerPassSummary> {
    if (!this.pass) {
      this.pass = this.track(runSchedulerPass({ db: this.options.db(), step: this.stepFor(new AbortController().signal), clock: this.clock, batchSize: this.batchSize }))
        .then((summary) => {
          if (summary.checkedOut || summary.failed.length) {
            const failed = summary.failed.length ? `, ${summary.failed.length} failed (bookings ${summary.failed.map((f) => f.bookingId).join(", ")}; tried again next pass)` : "";
            this.log(`Auto-checkout caught up: ${summary.checkedOut} checked out${failed}.`);
          }
          return summary;
        })
        .finally(() => {
          this.pass = null;
        });
    }
    return this.pass;
  }

  /** The app's events: due sessions start a sleeping run, changes cancel the runs they concern. */
  accept(events: ReadonlyArray<AppEvent>): void {
    events.forEach((event) => {
      if (event.name === SESSION_DUE) this.schedule(event.data);
      else this.cancelWhere((run) => cancelsRun(event, run));
    });
    // A checkout queued surveys, a host queued a failed one again, an answer queued an alert: send now rather than at the next minute.
    if (events.some((event) => (DELIVERY_TRIGGERS as ReadonlyArray<string>).includes(event.name))) void this.deliverSurveys();
  }

  /** One survey delivery run; a run asked for while one runs is folded into one more after it. */
  deliverSurveys(): Promise<DeliveryRunSummary> {
    if (this.delivery) {
      this.deliveryAgain = true;
      return this.delivery;
    }
    this.delivery = this.track(runSurveyDelivery({ db: this.options.db(), step: this.stepFor(new AbortController().signal), mailer: this.options.mailer?.() ?? null, clock: this.clock }))
      .then((summary) => {
        if (summary.sent || summary.failed || summary.retrying) {
          const failed = summary.failed ? `, ${summary.failed} failed after ${MAX_ATTEMPTS} attempts` : "";
          const retrying = summary.retrying ? `, ${summary.retrying} to be tried again (${summary.lastError ?? "no reason given"})` : "";
          this.log(`Surveys: ${summary.sent} sent${failed}${retrying}.`);
        }
        return summary;
      })
      .catch((error) => {
        this.log(`Survey delivery failed: ${logSummary(error, 300)}. It runs again in a minute.`);
        return noDelivery();
      })
      .finally(() => {
        this.delivery = null;
        if (this.deliveryAgain && !this.stopped) {
          this.deliveryAgain = false;
          void this.deliverSurveys();
        }
      });
    return this.delivery;
  }

  /** Keys of the runs now sleeping until their sessions fall due. */
  sleepingRuns(): SessionDueData[] {
    return Array.from(this.sleeping.values(), (run) => run.data);
  }

  private schedule(data: SessionDueData): void {
    if (this.stopped) return;
    const now = this.clock().getTime();
    this.seenKeys.forEach((expires, key) => {
      if (expires <= now) this.seenKeys.delete(key);
    });
    if (this.seenKeys.has(data.key)) return;
    this.seenKeys.set(data.key, now + REMEMBER_KEYS_MS);

    const controller = new AbortController();
    this.sleeping.set(data.key, { data, controller });
    const run = runDueSession({ db: this.options.db(), step: this.stepFor(controller.signal, { sleepingKey: data.key, hostUserId: data.hostUserId }), data, clock: this.clock })
      .then((result) => this.report(result))
      .catch((error) => {
        if (!(error instanceof Cancelled)) this.log(`Auto-checkout of booking ${data.bookingId} failed after retries: ${logSummary(error, 300)}. The scheduler's catch-up tries again.`);
      })
      .finally(() => {
        if (this.sleeping.get(data.key)?.controller === controller) this.sleeping.delete(data.key);
      });
    void this.track(run);
  }

  /** Steps of one host's runs, one after another (Inngest: a concurrency limit keyed on the host). */
  private inHostTurn<T>(hostUserId: number, work: () => Promise<T>): Promise<T> {
    const next = (this.hostQueues.get(hostUserId) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.hostQueues.set(hostUserId, next);
    void next
      .finally(() => {
        if (this.hostQueues.get(hostUserId) === next) this.hostQueues.delete(hostUserId);
      })
      .catch(() => undefined);
    return next;
  }

  private cancelWhere(matches: (run: SessionDueData) => boolean): void {
    this.sleeping.forEach((run, key) => {
      if (!matches(run.data)) return;
      run.controller.abort();
      this.sleeping.delete(key);
    });
  }

  private report(result: DueSessionResult): void {
    if (result.outcome === "checked-out") this.log(`Auto-checkout: booking ${result.bookingId} checked out at ${result.at}.`);
  }

  /** Inngest's step tools, in process: results go through JSON as Inngest's would. */
  private stepFor(signal: AbortSignal, run: { sleepingKey?: string; hostUserId?: number } = {}): JobStep {
    const { sleepingKey, hostUserId } = run;
    // Each attempt takes the host's turn; the pause before a retry does not hold it (as Inngest's back-off).
    const once = <T>(work: () => Promise<T>) => (hostUserId === undefined ? work() : this.inHostTurn(hostUserId, work));
    const attempt = async <T>(work: () => Promise<T>): Promise<T> => {
      for (let tries = 0; ; tries++) {
        if (signal.aborted) throw new Cancelled();
        try {
          return JSON.parse(JSON.stringify(await once(work))) as T;
        } catch (error) {
          const pause = this.retryPauses[tries];
          if (pause === undefined || this.stopped) throw error;
          await this.wait(new Date(this.clock().getTime() + pause), signal);
        }
      }
    };
    return {
      run: <T>(_id: string, work: () => Promise<T>) => attempt(work),
      sleepUntil: async (_id, until) => {
        await this.wait(until, signal);
        if (signal.aborted) throw new Cancelled();
        // Awake: no longer cancellable by a sleeping-run event, as an Inngest run past its sleep.
        if (sleepingKey) this.sleeping.delete(sleepingKey);
      },
      sendEvent: async (_id, events) => this.accept(events),
    };
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }
}

/** Sleeps until the clock reads `until`, never waking early; resolves at once when aborted. */
async function realSleepUntil(until: Date, signal: AbortSignal, clock: () => Date): Promise<void> {
  while (!signal.aborted) {
    const left = until.getTime() - clock().getTime();
    if (left <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.min(left, MAX_TIMER_MS));
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    });
  }
}
