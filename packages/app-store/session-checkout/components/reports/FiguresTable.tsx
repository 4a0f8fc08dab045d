import type { Figures } from "../../lib/services/reports";
import { formatAverageRating, formatRate, moneyLines } from "./report-format";

/** The report's figures per event type or per member, one row each. */
export function FiguresTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: Array<{ key: string; name: string; figures: Figures }> }) {
  return (
    <div className="sc-card sc-table-card">
      <table className="sc-table sc-figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="sc-num">Completed</th>
            <th scope="col" className="sc-num">No-shows</th>
            <th scope="col" className="sc-num">Cancelled</th>
            <th scope="col" className="sc-num">Awaiting</th>
            <th scope="col" className="sc-num">Completion</th>
            <th scope="col" className="sc-num">No-show rate</th>
            <th scope="col" className="sc-num">Rating</th>
            <th scope="col">Collected</th>
            <th scope="col">List value, unpaid</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, figures }) => (
            <tr key={key}>
              <th scope="row">{name}</th>
              <td className="sc-num">{figures.completed}</td>
              <td className="sc-num">{figures.noShow}</td>
              <td className="sc-num">{figures.cancelled}</td>
              <td className="sc-num">{figures.awaitingCheckout}</td>
              <td className="sc-num">{formatRate(figures.completionRate)}</td>
              <td className="sc-num">{formatRate(figures.noShowRate)}</td>
              <td className="sc-num">
                {formatAverageRating(figures.ratingAverage)}
                {figures.ratingCount ? <span className="sc-muted"> ({figures.ratingCount})</span> : null}
              </td>
              <td>{moneyLines(figures.collected).join(" · ") || "—"}</td>
              <td>{moneyLines(figures.listValue).join(" · ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
