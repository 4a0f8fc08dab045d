import type { PrismaClient } from "@calcom/prisma";

import type { SurveyMailer } from "../emails/mail-transport";
import { deliverDueAlerts } from "../lib/services/alert-delivery";
import { deliverDueSurveys } from "../lib/services/survey-delivery";
import type { JobStep } from "./auto-checkout";

/** Batches one delivery run works through before it ends (the next run, a minute later, goes on). */
const MAX_ROUNDS = 20;

export interface DeliveryRunSummary {
  sent: number;
  retrying: number;
  failed: number;
  cancelled: number;
  /** Low-rating alerts to hosts handled (sent, retried, failed or dropped). */
  alertsHandled: number;
  lastError?: string;
}

export const noDelivery = (): DeliveryRunSummary => ({ sent: 0, retrying: 0, failed: 0, cancelled: 0, alertsHandled: 0 });

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
      // Surveys to clients, then the hosts' low-rating alerts (few, and never in the way of the surveys).
      const delivered = await deliverDueSurveys(db, { ...mailer, now: clock() });
      const alerts = await deliverDueAlerts(db, { ...mailer, now: clock() });
      const lastError = alerts.lastError ?? delivered.lastError;
      return {
        sent: delivered.sent.length,
        retrying: delivered.retrying.length,
        failed: delivered.failed.length,
        cancelled: delivered.cancelled.length,
        alerts: alerts.sent + alerts.retrying + alerts.failed + alerts.dropped,
        ...(lastError ? { lastError } : {}),
      };
    });
    summary.sent += result.sent;
    summary.retrying += result.retrying;
    summary.failed += result.failed;
    summary.cancelled += result.cancelled;
    if (result.lastError) summary.lastError = result.lastError;
    summary.alertsHandled += result.alerts;
    if (result.sent + result.retrying + result.failed + result.cancelled + result.alerts === 0) break;
  }
  return summary;
}
