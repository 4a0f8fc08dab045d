import { describe, expect, it } from "vitest";

import { csvCell, toCsv } from "./csv";

describe("CSV (RFC 4180, spreadsheet-safe)", () => {
  it("writes plain cells as they are and ends every record with CRLF", () => {
    expect(toCsv([["Date", "Title"], ["2026-10-25 00:30", "Coaching"]])).toBe("Date,Title\r\n2026-10-25 00:30,Coaching\r\n");
  });

  it("quotes cells with commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell("Reyes, Dana")).toBe('"Reyes, Dana"');
    expect(csvCell('The "big" one')).toBe('"The ""big"" one"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it.each([
    ["=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\""],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "\"'\r=1\""],
  ])("defuses the formula cell %j", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it("quotes a cell with a semicolon, so a semicolon-locale spreadsheet never splits it into a formula cell", () => {
    expect(csvCell("Kim;=1+1")).toBe('"Kim;=1+1"');
    expect(csvCell("A <a@x.example>; B <b@x.example>")).toBe('"A <a@x.example>; B <b@x.example>"');
  });

  it("leaves a formula character that is not first alone", () => {
    expect(csvCell("Dana = host")).toBe("Dana = host");
    expect(csvCell("a-b@c.example")).toBe("a-b@c.example");
  });

  it("writes numbers as numbers and nothing for a missing value", () => {
    expect(toCsv([[1, -40, 4.5, null, undefined, Number.NaN]])).toBe("1,-40,4.5,,,\r\n");
  });

  it("round-trips through a strict reader", () => {
    const rows = [["a,b", 'say "hi"', "x\ny", "=1+1", ""]];
    expect(parseCsv(toCsv(rows))).toEqual([["a,b", 'say "hi"', "x\ny", "'=1+1", ""]]);
  });
});

/** A small RFC 4180 reader, for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}
