"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";

/**
 * Radix's dialog: Esc closes and focus is trapped inside. Dialogs here open from state rather than a
 * Radix Trigger, so the element that had focus when the dialog appeared gets it back on close.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  wide = false,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const [returnFocusTo] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null)));
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="cal-dialog-overlay" />
        <RadixDialog.Content className={wide ? "cal-dialog cal-dialog-wide" : "cal-dialog"} {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            if (returnFocusTo?.isConnected) {
              event.preventDefault();
              returnFocusTo.focus();
            }
          }}
        >
          <RadixDialog.Title className="cal-dialog-title">{title}</RadixDialog.Title>
          {description ? <RadixDialog.Description className="cal-dialog-description">{description}</RadixDialog.Description> : null}
          {children}
          <RadixDialog.Close className="cal-dialog-close" aria-label="Close">
            ×
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A yes/no question before an action, in the words of the action. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  busy = false,
  destructive = false,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  destructive?: boolean;
  children?: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {children}
      <div className="cal-dialog-actions">
        <RadixDialog.Close asChild>
          <button type="button" className="cal-btn cal-btn-secondary">
            Cancel
          </button>
        </RadixDialog.Close>
        <button type="button" className={destructive ? "cal-btn cal-btn-destructive" : "cal-btn cal-btn-primary"} onClick={onConfirm} disabled={busy} aria-busy={busy || undefined}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
