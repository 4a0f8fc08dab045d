import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { Report } from "../../lib/services/reports";

// The status tones of the calendar and badges (Confirmed's blue for awaiting checkout).
const SERIES = [
  { key: "completed", name: "Completed", color: "#059669" },
  { key: "noShow", name: "No-show", color: "#dc2626" },
  { key: "cancelled", name: "Cancelled", color: "#94a3b8" },
  { key: "awaitingCheckout", name: "Awaiting checkout", color: "#2563eb" },
] as const;

function bucketLabel(start: string, bucket: Report["bucket"]): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }).format(new Date(`${start}T12:00:00Z`));
  return bucket === "week" ? `w/c ${day}` : day;
}

/** Sessions per day or week, stacked by what happened to them. */
export function SeriesChart({ report }: { report: Pick<Report, "series" | "bucket"> }) {
  const data = report.series.map((point) => ({ ...point, label: bucketLabel(point.start, report.bucket) }));
  const per = report.bucket === "week" ? "week (weeks start on Monday)" : "day";
  return (
    <figure className="sc-card sc-chart" aria-label={`Sessions per ${per}`}>
      <figcaption className="sc-card-title">Sessions per {per}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickLine={false} axisLine={{ stroke: "#e2e8f0" }} tick={{ fontSize: 12, fill: "#64748b" }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#64748b" }} />
          <Tooltip cursor={{ fill: "rgb(15 23 42 / 0.04)" }} />
          {/* In the order of the stack, not alphabetical; labels in text colour (the dot carries the colour). */}
          <Legend iconType="circle" itemSorter={(item) => SERIES.findIndex((series) => series.key === item.dataKey)} wrapperStyle={{ fontSize: 13 }} formatter={(value: string) => <span className="sc-legend-label">{value}</span>} />
          {SERIES.map((series) => (
            // No grow-in animation: the bars change with every filter, and should read at once.
            <Bar key={series.key} dataKey={series.key} name={series.name} stackId="sessions" fill={series.color} maxBarSize={36} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
