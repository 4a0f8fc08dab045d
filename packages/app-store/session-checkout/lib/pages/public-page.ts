import { brandColorOrDefault } from "../../components/format";
import type { SurveyBranding } from "../survey-branding";

/*
 * The app's public pages (the survey and the unsubscribe page): small, self-contained HTML (no
 * script, inline styles) in the host's brand colour. Every value from the database or the request
 * is escaped.
 */

/** The link carries the token: never cached, never sent on as a referrer, never indexed. */
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
};
export const htmlResponse = (body: string, status = 200) => new Response(body, { status, headers: HEADERS });

export const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** A page in the host's (or team's) look: brand colour, and the logo and team name when there are. */
export function layout(title: string, body: string, branding: SurveyBranding | null = null): string {
  const color = brandColorOrDefault(branding?.brandColor);
  const header =
    branding && (branding.logoUrl || branding.teamName)
      ? `<header>${branding.logoUrl ? `<img src="${escape(branding.logoUrl)}" alt="" width="40" height="40">` : ""}${branding.teamName ? `<strong>${escape(branding.teamName)}</strong>` : ""}</header>`
      : "";
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
header{display:flex;align-items:center;gap:10px;margin-bottom:16px}header img{border-radius:8px;object-fit:cover}
.secondary{background:#fff;color:#374151;border:1px solid #d1d5db}
</style></head><body><main>${header}${body}</main></body></html>`;
}

export function tooLargePage(): string {
  return layout("Too much to send", `<h1>Too much to send</h1><p>The form sent more than the page accepts. Go back, shorten your comment and send it again.</p>`);
}
