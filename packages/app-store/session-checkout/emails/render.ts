import { render } from "@react-email/components";
import { createElement, type ReactElement } from "react";

import { LowRatingAlertEmail, type LowRatingAlertProps } from "./LowRatingAlertEmail";
import { SurveyRequestEmail, type SurveyRequestProps } from "./SurveyRequestEmail";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

async function renderMessage(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

/** The survey request: the subject, the HTML and its plain-text part. */
export function renderSurveyRequest(props: SurveyRequestProps): Promise<RenderedEmail> {
  return renderMessage(`How was your session with ${props.branding.hostName}?`, createElement(SurveyRequestEmail, props));
}

/** The host's low-rating alert. */
export function renderLowRatingAlert(props: LowRatingAlertProps): Promise<RenderedEmail> {
  return renderMessage(`Low rating: ${props.clientName} rated "${props.sessionTitle}" ${props.rating}/5`, createElement(LowRatingAlertEmail, props));
}
