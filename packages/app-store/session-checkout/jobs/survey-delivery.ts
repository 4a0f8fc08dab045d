import type { PrismaClient } from "@calcom/prisma";

import type { SurveyMailer } from "../emails/mail-transport";
import { deliverDueSurveys } from "../lib/services/survey-delivery";
import type { JobStep } from "./auto-checkout";

/** Batches one delivery run works through before it ends (the next run, a minute later, goes on). */
const MAX_ROUNDS = 20;

export interface DeliveryRunSummary {
  sent: number;
  retrying: number;
  failed: number;
  cancelled: number;
  lastError?: string;
}

export const noDelivery = (): DeliveryRunSummary => ({ sent: 0, retrying: 0, failed: 0, cancelled: 0 });

/**
 * One delivery run: sends the surveys that are due, batch after batch, until none is left. Triggered
 * by a checkout (so the email goes out at once) and every minute (for retries). The same body runs
 * on Inngest and in the embedded runner.
 */
export async function runSurveyDelivery({ db, step, mailer, clock = () => new Date() }: { db: PrismaClient; step: JobStep; mailer: SurveyMailer | null; clock?: () => Date }): Promise<DeliveryRunSummary> {
  const summary = noDelivery();
  if (!mailer) return summary;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const result = await step.run(`deliver-${round}`, async () => {
      const delivered = await deliverDueSurveys(db, { ...mailer, now: clock() });
      return { sent: delivered.sent.length, retrying: delivered.retrying.length, failed: delivered.failed.length, cancelled: delivered.cancelled.length, ...(delivered.lastError ? { lastError: delivered.lastError } : {}) };
    });
    summary.sent += result.sent;
    summary.retrying += result.retrying;
    summary.failed += result.failed;
    summary.cancelled += result.cancelled;
    if (result.lastError) summary.lastError = result.lastError;
    if (result.sent + result.retrying + result.failed + result.cancelled === 0) break;
  }
  return summary;
}
