import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { useAppLocale } from "./use-app-locale";

function Line({ scope, timeZone }: { scope: string; timeZone: string }) {
  const { t } = useAppLocale();
  return createElement("p", null, t("session_checkout_reports_scope_sessions", { scope, timeZone }));
}

describe("useAppLocale", () => {
  it("puts values into the app's strings as they are: React escapes them once, i18next not again", () => {
    const html = renderToStaticMarkup(createElement(Line, { scope: "O'Neil & <Team>", timeZone: "Europe/Paris" }));
    expect(html).toBe("<p>O&#x27;Neil &amp; &lt;Team&gt;&#x27;s sessions, by the day they started in Europe/Paris.</p>");
  });
});
