import { render } from "@react-email/components";
import { createElement } from "react";

import type { SurveyBranding } from "../lib/survey-branding";
import { SurveyRequestEmail, type SurveyRequestProps } from "./SurveyRequestEmail";

/*
 * The survey email's HTML, rendered once per look (a host's or team's branding) with markers where
 * each client's details go, then filled in per email, escaped exactly as React escapes them. A batch
 * of a hundred emails to one host's clients renders React once instead of a hundred times. A property
 * test holds the filled-in template equal to a direct render for any values.
 */

const MARK = "\u0000sc:";
const markOf = (name: string) => `${MARK}${name}\u0000`;
type Field = "clientName" | "sessionTitle" | "sessionWhen" | "rating1" | "rating2" | "rating3" | "rating4" | "rating5" | "unsubscribe";
const MARKED: Omit<SurveyRequestProps, "branding"> = {
  clientName: markOf("clientName"),
  sessionTitle: markOf("sessionTitle"),
  sessionWhen: markOf("sessionWhen"),
  ratingLinks: [1, 2, 3, 4, 5].map((n) => markOf(`rating${n}`)),
  unsubscribeLink: markOf("unsubscribe"),
};

/** React's escaping of text and attribute values (react-dom's escapeTextForBrowser). */
const REACT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeAsReact = (value: string) => value.replace(/[&<>"']/g, (c) => REACT_ESCAPES[c]!);

const templates = new Map<string, Promise<string>>();
const TEMPLATES_KEPT = 500;

function templateFor(branding: SurveyBranding): Promise<string> {
  const key = JSON.stringify(branding);
  const known = templates.get(key);
  if (known) return known;
  if (templates.size >= TEMPLATES_KEPT) templates.clear();
  const rendered = render(createElement(SurveyRequestEmail, { ...MARKED, branding }));
  templates.set(key, rendered);
  rendered.catch(() => templates.delete(key));
  return rendered;
}

/** The survey email's HTML for one client: the look's template with this client's details. */
export async function surveyRequestHtml(props: SurveyRequestProps): Promise<string> {
  // A value carrying the marker itself (a NUL byte) cannot be filled in safely: render it directly.
  const values = [props.clientName, props.sessionTitle, props.sessionWhen, props.unsubscribeLink, ...props.ratingLinks];
  if (props.ratingLinks.length !== 5 || values.some((value) => value.includes("\u0000"))) return render(createElement(SurveyRequestEmail, props));
  const fields: Record<Field, string> = {
    clientName: props.clientName,
    sessionTitle: props.sessionTitle,
    sessionWhen: props.sessionWhen,
    rating1: props.ratingLinks[0]!,
    rating2: props.ratingLinks[1]!,
    rating3: props.ratingLinks[2]!,
    rating4: props.ratingLinks[3]!,
    rating5: props.ratingLinks[4]!,
    unsubscribe: props.unsubscribeLink,
  };
  const template = await templateFor(props.branding);
  return template.replace(/\u0000sc:([a-zA-Z0-9]+)\u0000/g, (_, name: string) => escapeAsReact(fields[name as Field] ?? ""));
}
