import type { PrismaClient } from "@calcom/prisma";
import { NonRetriableError, type Inngest } from "inngest";

import { runDueSession, runSchedulerPass, SCHEDULER_CRON, sessionDueDataSchema, type JobStep } from "./auto-checkout";
import { cancelOn } from "./cancellation";
import { surveyMailer } from "../emails/mail-transport";
import { DELIVERY_TRIGGERS, SESSION_DUE, type AppEvent } from "./events";
import { runSurveyDelivery } from "./survey-delivery";

/** Runs of one host's sessions at once; the rest wait their turn. */
export const PER_HOST_CONCURRENCY = 5;

type InngestStep = {
  run: (id: string, work: () => Promise<unknown>) => Promise<unknown>;
  sleepUntil: (id: string, until: Date) => Promise<unknown>;
  sendEvent: (id: string, events: AppEvent[]) => Promise<unknown>;
};

/**
 * Inngest's step tools as the job bodies' `JobStep`. Inngest memoises a step's result as JSON; the
 * bodies only ever return JSON (numbers, strings, arrays, plain objects), so what comes back is
 * what went in.
 */
function asJobStep(step: InngestStep): JobStep {
  return {
    run: <T>(id: string, work: () => Promise<T>) => step.run(id, work) as Promise<T>,
    sleepUntil: async (id, until) => void (await step.sleepUntil(id, until)),
    sendEvent: async (id, events) => void (await step.sendEvent(id, events)),
  };
}


/** The app's Inngest functions, on the given client and database. */
export function createAutoCheckoutFunctions({ inngest, db }: { inngest: Inngest; db: () => PrismaClient }) {
  const scheduler = inngest.createFunction(
    {
      id: "auto-checkout-scheduler",
      name: "Auto-checkout: catch up and schedule sessions falling due",
      triggers: [{ cron: SCHEDULER_CRON }],
      // One pass at a time: a slow pass is not overtaken by the next minute's.
      concurrency: 1,
      retries: 3,
    },
    async ({ step }) => runSchedulerPass({ db: db(), step: asJobStep(step) }),
  );

  const dueSession = inngest.createFunction(
    {
      id: "auto-checkout-session",
      name: "Auto-checkout: check a session out when it falls due",
      triggers: [{ event: SESSION_DUE }],
      // booking id + due time: a repeated event is one run; a rescheduled session is a new one.
      idempotency: "event.data.key",
      concurrency: [{ key: "event.data.hostUserId", limit: PER_HOST_CONCURRENCY }],
      cancelOn: [...cancelOn],
      retries: 5,
    },
    async ({ event, step }) => {
      const data = sessionDueDataSchema.safeParse(event.data);
      if (!data.success) throw new NonRetriableError(`Malformed ${SESSION_DUE} event: ${data.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      return runDueSession({ db: db(), step: asJobStep(step), data: data.data });
    },
  );

  const surveyDelivery = inngest.createFunction(
    {
      id: "survey-delivery",
      name: "Surveys: send the survey emails that are due",
      // At once after a checkout, a host's resend or an answer that calls for an alert; every minute for the retries.
      triggers: [...DELIVERY_TRIGGERS.map((event) => ({ event })), { cron: SCHEDULER_CRON }],
      // One run at a time; a checkout arriving meanwhile is picked up by the run under way or the next.
      concurrency: 1,
      retries: 3,
    },
    async ({ step }) => runSurveyDelivery({ db: db(), step: asJobStep(step), mailer: surveyMailer() }),
  );

  return [scheduler, dueSession, surveyDelivery];
}
