import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "destructive" | "ghost";

const VARIANT_CLASS: Record<Variant, string> = {
  primary: "cal-btn cal-btn-primary",
  secondary: "cal-btn cal-btn-secondary",
  destructive: "cal-btn cal-btn-destructive",
  ghost: "cal-btn cal-btn-ghost",
};

export function Button({ variant = "primary", loading = false, className, children, disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; loading?: boolean }) {
  return (
    <button type="button" {...props} disabled={disabled || loading} aria-busy={loading || undefined} className={[VARIANT_CLASS[variant], className].filter(Boolean).join(" ")}>
      {children}
    </button>
  );
}
