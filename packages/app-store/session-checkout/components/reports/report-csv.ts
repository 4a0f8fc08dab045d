import { toCsv } from "../../lib/csv";
import type { ReportSessionRow, ReportSessions } from "../../lib/services/report-sessions";
import { minorToDecimal } from "../money";

/**
 * The export's text: one row per session, with what the report counted it as (status, awaiting
 * checkout, money by kind), amounts as plain decimals followed by their currency ("80.00 EUR"),
 * several currencies, clients or ratings joined with "; ".
 */
export function reportSessionsCsv(report: Pick<ReportSessions, "rows" | "timeZone">): string {
  const header = ["Booking", `Start (${report.timeZone})`, "End", "Session", "Event type", "Host", "Status", "Attendees", "Ratings", "Collected", "Refunded", "List value, unpaid"];
  const amounts = (lines: ReportSessionRow["collected"]) => lines.map((money) => `${minorToDecimal(money.amount, money.currency)} ${money.currency.toUpperCase()}`).join("; ");
  const rows = report.rows.map((row) => [
    String(row.bookingId),
    row.start,
    row.end,
    row.title,
    row.eventType ?? "",
    row.host,
    row.statusLabel,
    row.attendees.join("; "),
    row.ratings.join("; "),
    amounts(row.collected),
    amounts(row.refunded),
    amounts(row.listValue),
  ]);
  return toCsv([header, ...rows]);
}

export function reportCsvFileName(range: { from: string; to: string }, scopeName: string | null): string {
  const scope = scopeName ? `-${scopeName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}` : "";
  return `sessions${scope}-${range.from}-to-${range.to}.csv`;
}
