import type { SurveyForPage, SurveyLinkProblem } from "../lib/services/survey-answers";
import { brandColorOrDefault, formatForClient } from "../components/format";
import { COMMENT_MAX_CHARACTERS } from "../lib/services/survey-answers";

/*
 * The public survey page's HTML: small, self-contained (no script, inline styles), in the host's
 * brand colour. Every value from the database or the request is escaped.
 */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
function layout(title: string, body: string, brandColor: string | null = null): string {
  const color = brandColorOrDefault(brandColor);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f3f4f6;color:#111827;margin:0;padding:32px 16px}
main{max-width:520px;margin:0 auto;background:#fff;border-radius:12px;padding:28px;border-top:6px solid ${color}}
h1{font-size:22px;margin:0 0 8px}p{line-height:1.5}
fieldset{border:0;padding:0;margin:16px 0;display:flex;gap:8px}legend{font-weight:600;margin-bottom:8px}
.rating input{position:absolute;opacity:0}.rating label{display:inline-block;min-width:44px;padding:10px 0;text-align:center;border:2px solid ${color};border-radius:8px;font-weight:700;cursor:pointer}
.rating input:checked+label{background:${color};color:#fff}.rating input:focus-visible+label{outline:3px solid #2563eb;outline-offset:2px}
textarea{width:100%;box-sizing:border-box;min-height:110px;border:1px solid #d1d5db;border-radius:8px;padding:8px;font:inherit}
button{margin-top:16px;background:${color};color:#fff;border:0;border-radius:8px;padding:12px 20px;font-weight:700;font-size:16px;cursor:pointer}
.error{color:#b91c1c;font-weight:600}.muted{color:#6b7280;font-size:14px}
</style></head><body><main>${body}</main></body></html>`;
}

export function surveyFormPage(survey: SurveyForPage, { token, rating, error }: { token: string; rating: number | null; error?: string }): string {
  const options = [1, 2, 3, 4, 5]
    .map((n) => `<input type="radio" id="rating-${n}" name="rating" value="${n}"${rating === n ? " checked" : ""} required><label for="rating-${n}">${n}</label>`)
    .join("");
  return layout(
    `How was your session with ${survey.hostName}?`,
    `<h1>How was your session with ${escape(survey.hostName)}?</h1>
<p>${escape(survey.sessionTitle)}<br><span class="muted">${escape(formatForClient(survey.startTime, survey.timeZone))}</span></p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
<form method="post">
<input type="hidden" name="token" value="${escape(token)}">
<fieldset class="rating"><legend>Your rating (1 = poor, 5 = excellent)</legend>${options}</fieldset>
<label for="comment"><strong>Anything you would like to add?</strong> <span class="muted">(optional, up to ${COMMENT_MAX_CHARACTERS.toLocaleString("en-US")} characters)</span></label>
<textarea id="comment" name="comment" maxlength="${COMMENT_MAX_CHARACTERS}"></textarea>
<button type="submit">Send my rating</button>
</form>
<p class="muted">Nothing is recorded until you press the button.</p>`,
    survey.brandColor,
  );
}

export function answeredPage(survey: SurveyForPage, { justNow }: { justNow: boolean }): string {
  const answer = survey.answer!;
  return layout(
    "Thank you",
    `<h1>${justNow ? "Thank you for your feedback" : "You have already answered this survey"}</h1>
<p>You rated your session with ${escape(survey.hostName)} <strong>${answer.rating} out of 5</strong>.</p>
${answer.comment ? `<p class="muted">Your comment: ${escape(answer.comment)}</p>` : ""}`,
    survey.brandColor,
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
