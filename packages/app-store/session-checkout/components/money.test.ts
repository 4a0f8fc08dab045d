import { describe, expect, it } from "vitest";

import { formatMoney, formatPrice, minorToDecimal, minorUnitDigits } from "./money";
import { englishT } from "./test-locale";

describe("money in minor units", () => {
  it.each([
    [9000, "eur", "€90.00"],
    [9000, "EUR", "€90.00"],
    [5000, "jpy", "¥5,000"],
    [1234, "usd", "$12.34"],
    [5, "usd", "$0.05"],
    [12345, "kwd", "KWD 12.345"],
    [0, "eur", "€0.00"],
    [-4000, "usd", "-$40.00"],
  ])("%i %s is %s", (minor, currency, text) => {
    expect(formatMoney(minor, currency).replace(/\u00a0/g, " ")).toBe(text);
  });

  it("takes the decimals from the currency, not from 100", () => {
    expect(minorUnitDigits("jpy")).toBe(0);
    expect(minorUnitDigits("eur")).toBe(2);
    expect(minorUnitDigits("bhd")).toBe(3);
  });

  it("formats in the locale asked for", () => {
    expect(formatMoney(9000, "eur", "de-DE").replace(/\u00a0/g, " ")).toBe("90,00 €");
  });

  it("shows an unknown currency code as a number and the code instead of throwing", () => {
    expect(formatMoney(9000, "not-a-code")).toBe("90.00 NOT-A-CODE");
  });

  it("calls a zero price Free", () => {
    const t = englishT();
    expect(formatPrice(0, "jpy", t)).toBe("Free");
    expect(formatPrice(5000, "jpy", t)).toBe("¥5,000");
  });

  it.each([
    [9000, "eur", "90.00"],
    [5, "eur", "0.05"],
    [5000, "jpy", "5000"],
    [12345, "kwd", "12.345"],
    [-150, "usd", "-1.50"],
    [0, "usd", "0.00"],
  ])("%i %s is %s in a spreadsheet", (minor, currency, text) => {
    expect(minorToDecimal(minor, currency)).toBe(text);
  });
});
