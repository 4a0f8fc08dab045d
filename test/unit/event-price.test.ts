import { describe, expect, it } from "vitest";

import { eventPriceLabel } from "../../apps/web/lib/event-price";

describe("the booking dialog's price", () => {
  it.each([
    { units: 9000, currency: "eur", label: "€90.00" },
    { units: 5000, currency: "jpy", label: "¥5,000" },
    { units: 1234, currency: "KWD", label: "KWD 1.234" },
    { units: 0, currency: "usd", label: "Free" },
    { units: 500, currency: "not-a-code", label: "500 NOT-A-CODE" },
  ])("$units $currency reads $label", ({ units, currency, label }) => {
    expect(eventPriceLabel(units, currency).replace(/\u00a0/g, " ")).toBe(label);
  });
});
