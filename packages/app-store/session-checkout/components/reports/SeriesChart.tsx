import type { TFunction } from "i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { useAppLocale } from "../use-app-locale";

import type { Report } from "../../lib/services/reports";

// The status tones of the calendar and badges (Confirmed's blue for awaiting checkout); names as translation keys.
const SERIES = [
  { key: "completed", nameKey: "session_checkout_completed", color: "#059669" },
  { key: "noShow", nameKey: "session_checkout_no_show_series", color: "#dc2626" },
  { key: "cancelled", nameKey: "session_checkout_cancelled", color: "#94a3b8" },
  { key: "awaitingCheckout", nameKey: "session_checkout_awaiting_checkout", color: "#2563eb" },
] as const;

function bucketLabel(start: string, bucket: Report["bucket"], t: TFunction): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }).format(new Date(`${start}T12:00:00Z`));
  return bucket === "week" ? t("session_checkout_week_commencing", { day }) : day;
}

/** Sessions per day or week, stacked by what happened to them. */
export function SeriesChart({ report }: { report: Pick<Report, "series" | "bucket"> }) {
  const { t } = useAppLocale();
  const data = report.series.map((point) => ({ ...point, label: bucketLabel(point.start, report.bucket, t) }));
  const title = t(report.bucket === "week" ? "session_checkout_sessions_per_week" : "session_checkout_sessions_per_day");
  return (
    // Legend labels in text colour (the dot carries the colour), by CSS: a formatter returning an
    // element made recharts name each legend icon "[object Object] legend icon".
    <figure className="bg-default border-subtle [&_.recharts-legend-item-text]:!text-emphasis mx-0 mb-4 mt-0 rounded-lg border px-5 py-4" aria-label={title}>
      <figcaption className="mb-3 mt-0 font-semibold">{title}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickLine={false} axisLine={{ stroke: "#e2e8f0" }} tick={{ fontSize: 12, fill: "#64748b" }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#64748b" }} />
          <Tooltip cursor={{ fill: "rgb(15 23 42 / 0.04)" }} itemSorter={(item) => SERIES.findIndex((series) => series.key === item.dataKey)} />
          {/* In the order of the stack, not alphabetical. */}
          <Legend iconType="circle" itemSorter={(item) => SERIES.findIndex((series) => series.key === item.dataKey)} wrapperStyle={{ fontSize: 13 }} />
          {SERIES.map((series) => (
            // No grow-in animation: the bars change with every filter, and should read at once.
            <Bar key={series.key} dataKey={series.key} name={t(series.nameKey)} stackId="sessions" fill={series.color} maxBarSize={36} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
