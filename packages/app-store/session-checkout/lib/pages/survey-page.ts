import { formatForClient } from "../../components/format";
import type { SurveyForPage, SurveyLinkProblem } from "../services/survey-answers";
import { COMMENT_MAX_CHARACTERS } from "../services/survey-answers";
import { escape, layout } from "./public-page";

/* The public survey page's HTML, in the host's brand colour. */

export function surveyFormPage(survey: SurveyForPage, { token, rating, comment = "", error }: { token: string; rating: number | null; comment?: string; error?: string }): string {
  const options = [1, 2, 3, 4, 5]
    .map((n) => `<input type="radio" id="rating-${n}" name="rating" value="${n}"${rating === n ? " checked" : ""} required><label for="rating-${n}">${n}</label>`)
    .join("");
  return layout(
    `How was your session with ${survey.branding.hostName}?`,
    `<h1>How was your session with ${escape(survey.branding.hostName)}?</h1>
<p>${escape(survey.sessionTitle)}<br><span class="muted">${escape(formatForClient(survey.startTime, survey.timeZone))}</span></p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
<form method="post">
<input type="hidden" name="token" value="${escape(token)}">
<fieldset class="rating"><legend>Your rating (1 = poor, 5 = excellent)</legend>${options}</fieldset>
<label for="comment"><strong>Anything you would like to add?</strong> <span class="muted">(optional, up to ${COMMENT_MAX_CHARACTERS.toLocaleString("en-US")} characters)</span></label>
<textarea id="comment" name="comment" maxlength="${COMMENT_MAX_CHARACTERS}">${escape(comment)}</textarea>
<button type="submit">Send my rating</button>
</form>
<p class="muted">Nothing is recorded until you press the button.</p>`,
    survey.branding,
  );
}

export function answeredPage(survey: SurveyForPage, { justNow }: { justNow: boolean }): string {
  const answer = survey.answer!;
  return layout(
    "Thank you",
    `<h1>${justNow ? "Thank you for your feedback" : "You have already answered this survey"}</h1>
<p>You rated your session with ${escape(survey.branding.hostName)} <strong>${answer.rating} out of 5</strong>.</p>
${answer.comment ? `<p class="muted">Your comment: ${escape(answer.comment)}</p>` : ""}`,
    survey.branding,
  );
}

const PROBLEMS: Record<SurveyLinkProblem, { status: number; title: string; text: string }> = {
  malformed: { status: 400, title: "This link is incomplete", text: "The survey link seems to be cut short. Open it again from the email, or copy the whole address." },
  forged: { status: 400, title: "This link is not valid", text: "This survey link was not issued by us, or it was changed. Open it again from the email." },
  expired: { status: 410, title: "This survey has closed", text: "Survey links stay open for 72 hours after the email is sent. Thank you all the same." },
  unknown: { status: 404, title: "This survey no longer exists", text: "The session it belonged to was removed." },
  "not-open": { status: 409, title: "This survey is not open", text: "This survey was withdrawn, so it can no longer be answered." },
};

export function problemPage(problem: SurveyLinkProblem): { status: number; html: string } {
  const { status, title, text } = PROBLEMS[problem];
  return { status, html: layout(title, `<h1>${escape(title)}</h1><p>${escape(text)}</p>`) };
}

export function errorPage(): string {
  return layout("Something went wrong", `<h1>Something went wrong</h1><p>Your answer was not recorded. Please try again in a moment.</p>`);
}
