import type { ReactNode } from "react";

import type { Figures } from "../../lib/services/reports";
import { formatAverageRating, formatRate, moneyLines, plural } from "./report-format";

/** The headline figures, each in a card named by its label (the e2e test and screen readers find them by it). */
export function KpiCards({ totals, awaitingHref }: { totals: Figures; awaitingHref: string | null }) {
  const ended = totals.completed + totals.noShow + totals.awaitingCheckout;
  const collected = moneyLines(totals.collected);
  const listValue = moneyLines(totals.listValue);
  const refunded = moneyLines(totals.refunded);
  return (
    <div className="sc-kpis">
      <Kpi label="Completed" value={totals.completed} tone="green" />
      <Kpi label="No-shows" value={totals.noShow} tone="red" />
      <Kpi label="Cancelled" value={totals.cancelled} tone="gray" />
      <Kpi
        label="Awaiting checkout"
        value={totals.awaitingCheckout}
        tone="blue"
        note={awaitingHref && totals.awaitingCheckout > 0 ? <a href={awaitingHref}>Review them →</a> : "Ended, not checked out"}
      />
      <Kpi label="Completion rate" value={formatRate(totals.completionRate)} note={ended ? `of ${plural(ended, "ended session", "ended sessions")}` : "No session has ended"} />
      <Kpi label="No-show rate" value={formatRate(totals.noShowRate)} note={ended ? `of ${plural(ended, "ended session", "ended sessions")}` : "No session has ended"} />
      <Kpi label="Average rating" value={formatAverageRating(totals.ratingAverage)} note={totals.ratingCount ? `from ${plural(totals.ratingCount, "rating", "ratings")}` : "No ratings yet"} />
      <div role="group" aria-label="Revenue" className="sc-kpi sc-kpi-revenue">
        <span className="sc-kpi-label">Revenue</span>
        <dl className="sc-revenue">
          <dt>Collected</dt>
          <MoneyCell lines={collected} />
          <dt>List value, unpaid</dt>
          <MoneyCell lines={listValue} />
          {refunded.length ? (
            <>
              <dt>Refunded</dt>
              <MoneyCell lines={refunded} />
            </>
          ) : null}
        </dl>
      </div>
    </div>
  );
}

function Kpi({ label, value, note, tone }: { label: string; value: number | string; note?: ReactNode; tone?: "green" | "red" | "gray" | "blue" }) {
  return (
    <div role="group" aria-label={label} className={["sc-kpi", tone ? `sc-kpi-${tone}` : ""].join(" ").trim()}>
      <span className="sc-kpi-label">{label}</span>
      <span className="sc-kpi-value">{typeof value === "number" ? value.toLocaleString("en-US") : value}</span>
      {note ? <span className="sc-kpi-note">{note}</span> : null}
    </div>
  );
}

/** One amount per currency, one per line: currencies are never added. */
function MoneyCell({ lines }: { lines: string[] }) {
  return <dd>{lines.length ? lines.map((line) => <span key={line} className="sc-money-line">{line}</span>) : "—"}</dd>;
}
