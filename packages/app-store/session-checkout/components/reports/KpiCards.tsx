import type { ReactNode } from "react";

import { useAppLocale } from "../use-app-locale";

import type { Figures } from "../../lib/services/reports";
import { formatAverageRating, formatRate, moneyLines } from "./report-format";

type Tone = "green" | "red" | "gray" | "blue";

// A card each, its top edge in the status's colour (the label says the status; the colour only repeats it).
const CARD = "bg-default border-subtle flex flex-col gap-0.5 rounded-lg border border-t-3 px-4 py-3.5";
const TOP_EDGE: Record<Tone, string> = {
  green: "border-t-emerald-700",
  red: "border-t-red-700",
  gray: "border-t-slate-400",
  blue: "border-t-blue-700",
};
const LABEL = "text-subtle text-xs font-semibold";

/** The headline figures, each in a card named by its label (the e2e test and screen readers find them by it). */
export function KpiCards({ totals, awaitingHref }: { totals: Figures; awaitingHref: string | null }) {
  const { t } = useAppLocale();
  const ended = totals.completed + totals.noShow + totals.awaitingCheckout;
  const collected = moneyLines(totals.collected);
  const listValue = moneyLines(totals.listValue);
  const refunded = moneyLines(totals.refunded);
  const ofEnded = ended ? t("session_checkout_of_ended_sessions", { count: ended }) : t("session_checkout_no_session_ended");
  return (
    <div className="mb-4 grid grid-cols-2 gap-3 min-[50rem]:grid-cols-4">
      <Kpi label={t("session_checkout_completed")} value={totals.completed} tone="green" />
      <Kpi label={t("session_checkout_no_shows")} value={totals.noShow} tone="red" />
      <Kpi label={t("session_checkout_cancelled")} value={totals.cancelled} tone="gray" />
      <Kpi
        label={t("session_checkout_awaiting_checkout")}
        value={totals.awaitingCheckout}
        tone="blue"
        note={
          awaitingHref && totals.awaitingCheckout > 0 ? (
            <a href={awaitingHref} className="font-semibold no-underline">
              {t("session_checkout_review_them")}
            </a>
          ) : (
            t("session_checkout_ended_not_checked_out")
          )
        }
      />
      <Kpi label={t("session_checkout_completion_rate")} value={formatRate(totals.completionRate)} note={ofEnded} />
      <Kpi label={t("session_checkout_no_show_rate")} value={formatRate(totals.noShowRate)} note={ofEnded} />
      <Kpi
        label={t("session_checkout_average_rating")}
        value={formatAverageRating(totals.ratingAverage)}
        note={totals.ratingCount ? t("session_checkout_from_ratings", { count: totals.ratingCount }) : t("session_checkout_no_ratings_yet")}
      />
      <div role="group" aria-label={t("session_checkout_revenue")} className={CARD}>
        <span className={LABEL}>{t("session_checkout_revenue")}</span>
        <dl className="mb-0 mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-subtle">{t("session_checkout_collected")}</dt>
          <MoneyCell lines={collected} />
          <dt className="text-subtle">{t("session_checkout_list_value_unpaid")}</dt>
          <MoneyCell lines={listValue} />
          {refunded.length ? (
            <>
              <dt className="text-subtle">{t("session_checkout_refunded")}</dt>
              <MoneyCell lines={refunded} />
            </>
          ) : null}
        </dl>
      </div>
    </div>
  );
}

function Kpi({ label, value, note, tone }: { label: string; value: number | string; note?: ReactNode; tone?: Tone }) {
  return (
    <div role="group" aria-label={label} className={tone ? `${CARD} ${TOP_EDGE[tone]}` : CARD}>
      <span className={LABEL}>{label}</span>
      {/* sc-kpi-value: no style, a marker the browser tests read the figure by. */}
      <span className="sc-kpi-value text-3xl font-bold leading-tight tabular-nums">{typeof value === "number" ? value.toLocaleString("en-US") : value}</span>
      {note ? <span className="text-subtle text-xs">{note}</span> : null}
    </div>
  );
}

/** One amount per currency, one per line: currencies are never added. */
function MoneyCell({ lines }: { lines: string[] }) {
  return (
    <dd className="m-0 font-semibold tabular-nums">
      {lines.length
        ? lines.map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))
        : "—"}
    </dd>
  );
}
