import type { OptOutProblem, OptOutSubject } from "../services/survey-opt-out";
import { escape, layout } from "./public-page";

/* The unsubscribe page's HTML: it asks before it changes anything, and says what it did. */

export function unsubscribePage(subject: OptOutSubject, { justNow }: { justNow: boolean }): string {
  const host = escape(subject.branding.hostName);
  const email = escape(subject.email);
  if (subject.optedOut) {
    return layout(
      "You are unsubscribed",
      `<h1>${justNow ? "You are unsubscribed" : "You are already unsubscribed"}</h1>
<p>${email} will get no more satisfaction surveys from ${host}. Your bookings are not affected.</p>
<form method="post"><input type="hidden" name="action" value="resubscribe"><button type="submit" class="secondary">I clicked by mistake: send me surveys again</button></form>`,
      subject.branding,
    );
  }
  if (justNow) {
    return layout(
      "You are subscribed again",
      `<h1>You are subscribed again</h1>
<p role="status">${email} will receive satisfaction surveys from ${host} again after their sessions.</p>
<form method="post"><input type="hidden" name="action" value="unsubscribe"><button type="submit" class="secondary">Unsubscribe after all</button></form>`,
      subject.branding,
    );
  }
  return layout(
    `Stop surveys from ${subject.branding.hostName}?`,
    `<h1>Stop surveys from ${host}?</h1>
<p>${email} will get no more satisfaction surveys from ${host} after their sessions. Your bookings are not affected.</p>
<form method="post"><input type="hidden" name="action" value="unsubscribe"><button type="submit">Unsubscribe</button></form>`,
    subject.branding,
  );
}

const PROBLEMS: Record<OptOutProblem, { status: number; title: string; text: string }> = {
  malformed: { status: 400, title: "This link is incomplete", text: "The unsubscribe link seems to be cut short. Open it again from the email, or copy the whole address." },
  forged: { status: 400, title: "This link is not valid", text: "This link was not issued by us, or it was changed. Open it again from the email." },
  expired: { status: 410, title: "This link has expired", text: "Unsubscribe links work for a year. Use the link in a more recent survey email." },
  unknown: { status: 404, title: "This link no longer works", text: "The session it belonged to was removed, so there is nothing to unsubscribe from." },
};

export function optOutProblemPage(problem: OptOutProblem): { status: number; html: string } {
  const { status, title, text } = PROBLEMS[problem];
  return { status, html: layout(title, `<h1>${escape(title)}</h1><p>${escape(text)}</p>`) };
}

export function optOutErrorPage(): string {
  return layout("Something went wrong", `<h1>Something went wrong</h1><p>Nothing was changed. Please try again in a moment.</p>`);
}
