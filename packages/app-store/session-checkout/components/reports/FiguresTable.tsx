import { useAppLocale } from "../use-app-locale";

import type { Figures } from "../../lib/services/reports";
import { formatAverageRating, formatRate, moneyLines } from "./report-format";

// A rule under each row but the last; header cells small, muted, on a tinted band.
const TABLE =
  "bg-default w-full border-collapse [&_:is(th,td)]:border-b [&_:is(th,td)]:border-subtle [&_:is(th,td)]:px-4 [&_:is(th,td)]:py-2 [&_:is(th,td)]:text-sm [&_:is(th,td)]:whitespace-nowrap [&_th]:font-semibold [&_thead_th]:bg-cal-muted [&_thead_th]:text-xs [&_thead_th]:text-subtle [&_tbody_tr:last-child>*]:border-b-0";
const TEXT = "text-left";
const NUM = "text-right tabular-nums";

/** The report's figures per event type or per member, one row each. */
export function FiguresTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: Array<{ key: string; name: string; figures: Figures }> }) {
  const { t } = useAppLocale();
  return (
    <div className="bg-default border-subtle mb-4 overflow-x-auto rounded-lg border">
      <table className={TABLE}>
        <caption className="px-4 pb-2 pt-3.5 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={TEXT}>{nameHeader}</th>
            <th scope="col" className={NUM}>{t("session_checkout_completed")}</th>
            <th scope="col" className={NUM}>{t("session_checkout_no_shows")}</th>
            <th scope="col" className={NUM}>{t("session_checkout_cancelled")}</th>
            <th scope="col" className={NUM}>{t("session_checkout_awaiting")}</th>
            <th scope="col" className={NUM}>{t("session_checkout_completion")}</th>
            <th scope="col" className={NUM}>{t("session_checkout_no_show_rate")}</th>
            <th scope="col" className={NUM}>{t("session_checkout_rating")}</th>
            <th scope="col" className={TEXT}>{t("session_checkout_collected")}</th>
            <th scope="col" className={TEXT}>{t("session_checkout_list_value_unpaid")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, figures }) => (
            <tr key={key}>
              <th scope="row" className={TEXT}>{name}</th>
              <td className={NUM}>{figures.completed}</td>
              <td className={NUM}>{figures.noShow}</td>
              <td className={NUM}>{figures.cancelled}</td>
              <td className={NUM}>{figures.awaitingCheckout}</td>
              <td className={NUM}>{formatRate(figures.completionRate)}</td>
              <td className={NUM}>{formatRate(figures.noShowRate)}</td>
              <td className={NUM}>
                {formatAverageRating(figures.ratingAverage)}
                {figures.ratingCount ? <span className="text-subtle text-sm"> ({figures.ratingCount})</span> : null}
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
