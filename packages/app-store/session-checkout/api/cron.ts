import { prisma } from "@calcom/prisma";
import { timingSafeEqual } from "node:crypto";

import { runSchedulerPass } from "../jobs/auto-checkout";
import { surveyMailer } from "../emails/mail-transport";
import { immediateStep } from "../jobs/immediate-step";
import { noDelivery, runSurveyDelivery } from "../jobs/survey-delivery";

function matches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cal.com's cron convention: the key in the Authorization header (raw or as a Bearer token) or ?apiKey=. */
function authorised(request: Request): boolean {
  const expected = process.env.CRON_API_KEY;
  if (!expected) return false;
  const header = request.headers.get("authorization");
  const given = header?.replace(/^Bearer\s+/i, "") ?? new URL(request.url).searchParams.get("apiKey");
  return given !== null && given !== undefined && matches(given, expected);
}

/**
 * /api/integrations/session-checkout/cron: one scheduler pass on demand (catch up what is due,
 * schedule what falls due soon), for an operator's own scheduler or a check after an outage.
 */
export default async function cronHandler(request: Request): Promise<Response> {
  if (request.method !== "GET" && request.method !== "POST") return Response.json({ message: "Use GET or POST." }, { status: 405, headers: { allow: "GET, POST" } });
  if (!process.env.CRON_API_KEY) return Response.json({ message: "Not authenticated: the cron route is off on this server (CRON_API_KEY is not set)." }, { status: 401 });
  if (!authorised(request)) return Response.json({ message: "Not authenticated" }, { status: 401 });
  try {
    const summary = await runSchedulerPass({ db: prisma, step: immediateStep });
    for (const failure of summary.failed) console.error(`[session-checkout] Auto-checkout of booking ${failure.bookingId} failed: ${failure.error}`);
    // And the survey emails that are due (where no job engine sends them, this route can); its own
    // trouble never reads as a failed auto-checkout pass.
    const surveys = await runSurveyDelivery({ db: prisma, step: immediateStep, mailer: surveyMailer() }).catch((error: unknown) => {
      console.error("[session-checkout] Survey delivery from the cron route failed:", error);
      return { ...noDelivery(), lastError: "failed" };
    });
    if (surveys.lastError) console.error(`[session-checkout] Survey delivery: ${surveys.lastError}`);
    // The database's and the mail server's own words stay in the log.
    return Response.json({
      ok: true,
      checkedOut: summary.checkedOut,
      skipped: summary.skipped,
      failedBookingIds: summary.failed.map((f) => f.bookingId),
      scheduled: summary.scheduled,
      surveys: { sent: surveys.sent, retrying: surveys.retrying, failed: surveys.failed, cancelled: surveys.cancelled },
    });
  } catch (error) {
    console.error("[session-checkout] The cron scheduler pass failed:", error);
    return Response.json({ message: "The auto-checkout pass failed. Details are in the server log." }, { status: 500 });
  }
}
