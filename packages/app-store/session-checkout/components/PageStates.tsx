import type { ReactNode } from "react";

/* What a list or report page shows instead of its content: still loading, or nothing to show. */

/** "Loading …", in the box the content will fill. */
export function LoadingState({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <p role="status" className={`bg-default border-subtle text-subtle rounded-lg border px-5 py-8 text-center ${className}`}>
      {children}
    </p>
  );
}

/** Nothing to show: what is empty and what to try, with actions beneath where there are some. */
export function EmptyState({ title, description, children, className = "" }: { title: ReactNode; description: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div className={`bg-default border-subtle rounded-lg border px-4 py-12 text-center ${className}`} role="status">
      <h2 className="text-emphasis mb-1.5 mt-0 text-lg font-semibold">{title}</h2>
      <p className="text-subtle m-0 text-sm">{description}</p>
      {children}
    </div>
  );
}
