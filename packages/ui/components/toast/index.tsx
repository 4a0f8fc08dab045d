"use client";

import { toast } from "sonner";

export { Toaster } from "sonner";

/** Cal.com's signature: showToast(message, variant). */
export function showToast(message: string, variant: "success" | "warning" | "error"): void {
  if (variant === "success") toast.success(message);
  else if (variant === "warning") toast.warning(message);
  else toast.error(message);
}
