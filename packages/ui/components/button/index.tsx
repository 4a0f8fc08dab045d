import type { ButtonHTMLAttributes } from "react";

/** Cal.com's Button API: `color` and `loading`. */
export type ButtonColor = "primary" | "secondary" | "minimal" | "destructive";

export function Button({ color = "primary", loading = false, className, children, disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { color?: ButtonColor; loading?: boolean }) {
  return (
    <button type="button" {...props} disabled={disabled || loading} aria-busy={loading || undefined} className={[`cal-btn cal-btn-${color}`, className].filter(Boolean).join(" ")}>
      {children}
    </button>
  );
}
