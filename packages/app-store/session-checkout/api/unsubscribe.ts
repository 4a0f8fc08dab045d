import { prisma } from "@calcom/prisma";

import { optBackIn, optOut, optOutForLink, type OptOutProblem } from "../lib/services/survey-opt-out";
import { htmlResponse, tooLargePage } from "../lib/pages/public-page";
import { readForm } from "./read-form";
import { optOutErrorPage, optOutProblemPage, unsubscribePage } from "../lib/pages/unsubscribe-page";

/**
 * /api/integrations/session-checkout/unsubscribe?token=… — public. GET asks and never changes
 * anything (mail scanners open every link). POST unsubscribes: either the mail provider's RFC 8058
 * one-click request (body `List-Unsubscribe=One-Click`, answered with a plain 200) or the page's
 * own button (which can also take it back).
 */
export default async function unsubscribeHandler(request: Request): Promise<Response> {
  const now = new Date();
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    if (request.method === "GET") {
      const found = await optOutForLink(prisma, token, now);
      return found.ok ? htmlResponse(unsubscribePage(found.subject, { justNow: false })) : problem(found.problem);
    }
    if (request.method === "POST") {
      const form = await readForm(request);
      if (form === "too-large") return htmlResponse(tooLargePage(), 413);
      if (form?.get("List-Unsubscribe") === "One-Click") {
        const done = await optOut(prisma, { token, now });
        return new Response(done.ok ? "Unsubscribed." : "This unsubscribe link is not valid.", { status: done.ok ? 200 : problemStatus(done.problem), headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
      }
      const done = form?.get("action") === "resubscribe" ? await optBackIn(prisma, { token, now }) : await optOut(prisma, { token, now });
      return done.ok ? htmlResponse(unsubscribePage(done.subject, { justNow: true })) : problem(done.problem);
    }
    return new Response("Use GET or POST.", { status: 405, headers: { allow: "GET, POST" } });
  } catch (error) {
    console.error("[session-checkout] The unsubscribe page failed:", error);
    return htmlResponse(optOutErrorPage(), 500);
  }
}

const problemStatus = (kind: OptOutProblem) => optOutProblemPage(kind).status;

function problem(kind: OptOutProblem): Response {
  const { status, html } = optOutProblemPage(kind);
  return htmlResponse(html, status);
}
