import { render } from "@react-email/components";
import { createElement, type ReactElement } from "react";

import { LowRatingAlertEmail, type LowRatingAlertProps } from "./LowRatingAlertEmail";
import type { SurveyRequestProps } from "./SurveyRequestEmail";
import { surveyRequestHtml } from "./survey-request-template";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

async function renderMessage(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

/**
 * The survey request: the subject, the HTML and its plain-text part. The text part is written out
 * rather than converted from the HTML: five buttons side by side would run into one line of links.
 */
export async function renderSurveyRequest(props: SurveyRequestProps): Promise<RenderedEmail> {
  return { subject: `How was your session with ${props.branding.hostName}?`, html: await surveyRequestHtml(props), text: surveyRequestText(props) };
}

const RATING_WORDS = ["poor", "fair", "good", "very good", "excellent"];

export function surveyRequestText({ clientName, branding, sessionTitle, sessionWhen, ratingLinks, unsubscribeLink }: SurveyRequestProps): string {
  return [
    `How was your session with ${branding.hostName}?`,
    "",
    `Hi ${clientName}, thank you for your session "${sessionTitle}" on ${sessionWhen}. How would you rate it? Open the link for your rating:`,
    "",
    ...ratingLinks.map((link, index) => `${index + 1} (${RATING_WORDS[index]}): ${link}`),
    "",
    "You can add a comment on the next page; nothing is recorded until you send it.",
    "",
    "--",
    `You received this because you had a session with ${branding.hostName}.`,
    `Stop surveys from ${branding.hostName}: ${unsubscribeLink}`,
    ...(branding.hideBranding ? [] : ["Sent with Session Checkout for Cal.com"]),
  ].join("\n");
}

/** The host's low-rating alert. */
export function renderLowRatingAlert(props: LowRatingAlertProps): Promise<RenderedEmail> {
  return renderMessage(`Low rating: ${props.clientName} rated "${props.sessionTitle}" ${props.rating}/5`, createElement(LowRatingAlertEmail, props));
}
