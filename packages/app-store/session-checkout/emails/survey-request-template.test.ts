import { render } from "@react-email/components";
import fc from "fast-check";
import { createElement } from "react";
import { describe, expect, it } from "vitest";

import { SurveyRequestEmail, type SurveyRequestProps } from "./SurveyRequestEmail";
import { surveyRequestHtml } from "./survey-request-template";

/* The filled-in template and a direct React render are one email, whatever the values. */

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(`O'Brien & "Sons" <b>`, "Zoë 🙂", "a\u0000b", "", "  spaced  "));
const brandingArb = fc.record({
  hostName: text,
  teamName: fc.option(text, { nil: null }),
  logoUrl: fc.option(fc.constantFrom("https://cdn.example/logo.png", "http://localhost:3000/api/avatar/x.png?a=1&b=2"), { nil: null }),
  brandColor: fc.constantFrom("#0E7490", "#111827"),
  hideBranding: fc.boolean(),
});
const propsArb: fc.Arbitrary<SurveyRequestProps> = fc.record({
  clientName: text,
  branding: brandingArb,
  sessionTitle: text,
  sessionWhen: text,
  ratingLinks: fc.tuple(text, text, text, text, text).map((links) => links.map((l, i) => `http://localhost:3000/survey?token=${encodeURIComponent(l)}&rating=${i + 1}`)),
  unsubscribeLink: text.map((l) => `http://localhost:3000/unsubscribe?token=${l}`),
});

describe("the survey email template", () => {
  it("filled in per client equals a direct render of the same props", async () => {
    await fc.assert(
      fc.asyncProperty(propsArb, async (props) => {
        expect(await surveyRequestHtml(props)).toBe(await render(createElement(SurveyRequestEmail, props)));
      }),
      { numRuns: 150 },
    );
  });
});
