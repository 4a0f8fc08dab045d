import type { ReactNode } from "react";

/** Cal.com's badge variants used here. */
export type BadgeVariant = "green" | "blue" | "orange" | "gray" | "red";

/** A status label: text first, colour second, so status never depends on colour alone. */
export function Badge({ variant, children }: { variant: BadgeVariant; children: ReactNode }) {
  return <span className={`cal-badge cal-badge-${variant}`}>{children}</span>;
}
