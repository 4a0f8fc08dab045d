import { describe, expect, it } from "vitest";

import type { ReportSessionRow } from "../../lib/services/report-sessions";
import { reportCsvFileName, reportSessionsCsv } from "./report-csv";

const row = (fields: Partial<ReportSessionRow>): ReportSessionRow => ({
  bookingId: 1,
  start: "2026-10-25 00:30",
  end: "2026-10-25 01:30",
  title: "Coaching between Dana and Kim",
  eventType: "Coaching",
  host: "Dana Reyes",
  status: "COMPLETED",
  awaitingCheckout: false,
  statusLabel: "Completed",
  attendees: ["Kim <kim@client.example>"],
  ratings: [],
  collected: [],
  refunded: [],
  listValue: [],
  ...fields,
});

describe("the report's CSV", () => {
  it("has a header naming the zone, and amounts in each currency's own decimals", () => {
    const csv = reportSessionsCsv({
      timeZone: "Europe/Paris",
      rows: [
        row({ ratings: [5, 4], collected: [{ currency: "eur", amount: 9000 }, { currency: "jpy", amount: 500 }], refunded: [{ currency: "usd", amount: 1999 }] }),
        row({ bookingId: 2, eventType: null, status: "NO_SHOW", statusLabel: "No Show", attendees: ["A <a@x.example> (no-show)", "B <b@x.example>"], collected: [{ currency: "jpy", amount: 5000 }] }),
        row({ bookingId: 3, status: "CONFIRMED", awaitingCheckout: true, statusLabel: "Awaiting checkout", listValue: [] }),
        row({ bookingId: 4, listValue: [{ currency: "gbp", amount: 4500 }] }),
      ],
    });
    expect(csv.split("\r\n")).toEqual([
      "Booking,Start (Europe/Paris),End,Session,Event type,Host,Status,Attendees,Ratings,Collected,Refunded,\"List value, unpaid\"",
      '1,2026-10-25 00:30,2026-10-25 01:30,Coaching between Dana and Kim,Coaching,Dana Reyes,Completed,Kim <kim@client.example>,"5; 4","90.00 EUR; 500 JPY",19.99 USD,',
      '2,2026-10-25 00:30,2026-10-25 01:30,Coaching between Dana and Kim,,Dana Reyes,No Show,"A <a@x.example> (no-show); B <b@x.example>",,5000 JPY,,',
      "3,2026-10-25 00:30,2026-10-25 01:30,Coaching between Dana and Kim,Coaching,Dana Reyes,Awaiting checkout,Kim <kim@client.example>,,,,",
      "4,2026-10-25 00:30,2026-10-25 01:30,Coaching between Dana and Kim,Coaching,Dana Reyes,Completed,Kim <kim@client.example>,,,,45.00 GBP",
      "",
    ]);
  });

  it("defuses a client's name that is a formula", () => {
    const csv = reportSessionsCsv({ timeZone: "UTC", rows: [row({ title: "=cmd|' /C calc'!A0", attendees: ["=1+1 <x@x.example>"] })] });
    expect(csv.split("\r\n")[1]).toBe("1,2026-10-25 00:30,2026-10-25 01:30,'=cmd|' /C calc'!A0,Coaching,Dana Reyes,Completed,'=1+1 <x@x.example>,,,,");
  });

  it("names the file after the range and the team", () => {
    expect(reportCsvFileName({ from: "2026-11-01", to: "2026-11-30" }, null)).toBe("sessions-2026-11-01-to-2026-11-30.csv");
    expect(reportCsvFileName({ from: "2026-11-01", to: "2026-11-30" }, "Harbor Wellness Studio")).toBe("sessions-harbor-wellness-studio-2026-11-01-to-2026-11-30.csv");
  });
});
