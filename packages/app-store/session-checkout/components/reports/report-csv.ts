import { toCsv } from "../../lib/csv";
import type { ReportSessions } from "../../lib/services/report-sessions";
import { minorToDecimal } from "../money";

/** The export's text: one row per session, amounts as plain decimals of their currency, several currencies or ratings joined with "; ". */
export function reportSessionsCsv(report: Pick<ReportSessions, "rows" | "timeZone">): string {
  const header = [`Start (${report.timeZone})`, "Session", "Event type", "Host", "Status", "Attendees", "Ratings", "Collected", "Currency"];
  const rows = report.rows.map((row) => [
    row.start,
    row.title,
    row.eventType ?? "",
    row.host,
    row.statusLabel,
    row.attendees.join("; "),
    row.ratings.join("; "),
    row.collected.map((money) => minorToDecimal(money.amount, money.currency)).join("; "),
    row.collected.map((money) => money.currency.toUpperCase()).join("; "),
  ]);
  return toCsv([header, ...rows]);
}

export function reportCsvFileName(range: { from: string; to: string }, scopeName: string | null): string {
  const scope = scopeName ? `-${scopeName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}` : "";
  return `sessions${scope}-${range.from}-to-${range.to}.csv`;
}
