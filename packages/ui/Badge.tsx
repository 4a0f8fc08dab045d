import type { ReactNode } from "react";

/** A status label: text first, colour second, so status never depends on colour alone. */
export function Badge({ tone, children }: { tone: "green" | "blue" | "amber" | "gray" | "red"; children: ReactNode }) {
  return <span className={`cal-badge cal-badge-${tone}`}>{children}</span>;
}
