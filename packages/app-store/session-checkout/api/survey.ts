import { prisma } from "@calcom/prisma";

import { SessionCheckoutError } from "../lib/errors";
import { SESSION_BUSY_MESSAGE } from "../lib/services/session-busy";
import { answerSurvey, surveyAnswerSchema, surveyForLink } from "../lib/services/survey-answers";
import { htmlResponse as html, tooLargePage } from "../lib/pages/public-page";
import { readForm } from "./read-form";
import { answeredPage, errorPage, problemPage, surveyFormPage } from "../lib/pages/survey-page";

/**
 * /api/integrations/session-checkout/survey — the client's survey page, public. GET shows the
 * survey (a rating from the email's button pre-selected) and never records anything: mail scanners
 * open every link. The client's own submit (POST) records the answer.
 */
export default async function surveyHandler(request: Request): Promise<Response> {
  const now = new Date();
  try {
    if (request.method === "GET") {
      const url = new URL(request.url);
      const token = url.searchParams.get("token") ?? "";
      const found = await surveyForLink(prisma, token, now);
      if (!found.ok) return problem(found.problem);
      if (found.survey.answer) return html(answeredPage(found.survey, { justNow: false }));
      const rating = Number(url.searchParams.get("rating"));
      return html(surveyFormPage(found.survey, { token, rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null }));
    }
    if (request.method === "POST") {
      const read = await readForm(request);
      if (read === "too-large") return html(tooLargePage(), 413);
      const form = read;
      const token = typeof form?.get("token") === "string" ? (form!.get("token") as string) : "";
      const input = surveyAnswerSchema.safeParse({ rating: form?.get("rating") ?? undefined, comment: form?.get("comment") ?? undefined });
      if (!input.success) {
        const found = await surveyForLink(prisma, token, now);
        if (!found.ok) return problem(found.problem);
        if (found.survey.answer) return html(answeredPage(found.survey, { justNow: false }));
        // Sent back as the client left it: the chosen rating and the comment, with what to change.
        const chosen = Number(form?.get("rating"));
        const comment = form?.get("comment");
        return html(
          surveyFormPage(found.survey, { token, rating: Number.isInteger(chosen) && chosen >= 1 && chosen <= 5 ? chosen : null, comment: typeof comment === "string" ? comment : "", error: input.error.issues[0]!.message }),
          400,
        );
      }
      const outcome = await answerSurvey(prisma, { token, rating: input.data.rating, comment: input.data.comment, now }).catch(async (error: unknown) => {
        // Someone was changing the session for longer than the answer waits: nothing was recorded;
        // the form comes back as the client left it, to send again.
        if (!(error instanceof SessionCheckoutError && error.code === "CONFLICT")) throw error;
        const found = await surveyForLink(prisma, token, now);
        return { busy: true as const, found };
      });
      if ("busy" in outcome) {
        if (!outcome.found.ok) return problem(outcome.found.problem);
        return html(surveyFormPage(outcome.found.survey, { token, rating: input.data.rating, comment: input.data.comment ?? "", error: SESSION_BUSY_MESSAGE }), 409);
      }
      if (!outcome.ok) return problem(outcome.problem);
      return html(answeredPage(outcome.survey, { justNow: outcome.recorded }));
    }
    return new Response("Use GET or POST.", { status: 405, headers: { allow: "GET, POST" } });
  } catch (error) {
    console.error("[session-checkout] The survey page failed:", error);
    return html(errorPage(), 500);
  }
}

function problem(kind: Parameters<typeof problemPage>[0]): Response {
  const { status, html: body } = problemPage(kind);
  return html(body, status);
}
