import { render } from "@react-email/components";
import { createElement } from "react";

import { SurveyRequestEmail, type SurveyRequestProps } from "./SurveyRequestEmail";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The survey request as a message: the subject, the HTML and its plain-text part. */
export async function renderSurveyRequest(props: SurveyRequestProps): Promise<RenderedEmail> {
  const element = createElement(SurveyRequestEmail, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: `How was your session with ${props.hostName}?`, html, text };
}
