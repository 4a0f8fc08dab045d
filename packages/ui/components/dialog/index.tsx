"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { forwardRef, useState, type ComponentProps, type MouseEvent, type PropsWithChildren, type ReactElement, type ReactNode } from "react";

import { Button, type ButtonColor } from "../button";

/*
 * Stand-in for Cal.com's @calcom/ui/components/dialog, with its exports and props: Dialog (Radix's
 * Root), DialogContent (title, description, type, size), DialogHeader, DialogFooter, DialogClose,
 * DialogTrigger, and ConfirmationDialogContent for a yes/no question before an action.
 */

export type DialogProps = ComponentProps<typeof RadixDialog.Root>;

export function Dialog({ children, ...props }: DialogProps) {
  return <RadixDialog.Root {...props}>{children}</RadixDialog.Root>;
}

export const DialogTrigger = RadixDialog.Trigger;

type DialogContentProps = ComponentProps<typeof RadixDialog.Content> & {
  type?: "creation" | "confirmation";
  title?: string;
  description?: string | ReactElement | null;
  size?: "sm" | "md" | "lg" | "xl";
  closeText?: string;
};

/**
 * The dialog's panel: Esc closes and focus is trapped inside. Dialogs here often open from state
 * rather than a Trigger, so the element that had focus when the dialog appeared gets it back.
 */
export const DialogContent = forwardRef<HTMLDivElement, DialogContentProps>(function DialogContent(
  { children, title, description, type = "creation", size = "md", closeText = "Close", className, onCloseAutoFocus, ...props },
  ref,
) {
  const [returnFocusTo] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null)));
  const wide = size === "lg" || size === "xl";
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="cal-dialog-overlay" />
      <RadixDialog.Content
        ref={ref}
        className={[wide ? "cal-dialog cal-dialog-wide" : "cal-dialog", className].filter(Boolean).join(" ")}
        {...(description ? {} : { "aria-describedby": undefined })}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          if (!event.defaultPrevented && returnFocusTo?.isConnected) {
            event.preventDefault();
            returnFocusTo.focus();
          }
        }}
        {...props}
      >
        {type === "creation" && title ? <DialogHeader title={title} subtitle={description} /> : null}
        {children}
        {type === "creation" ? (
          <RadixDialog.Close className="cal-dialog-close" aria-label={closeText}>
            ×
          </RadixDialog.Close>
        ) : null}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
});

export function DialogHeader({ title, subtitle }: { title: ReactNode; subtitle?: ReactNode }) {
  if (!title) return null;
  return (
    <>
      <RadixDialog.Title className="cal-dialog-title">{title}</RadixDialog.Title>
      {subtitle ? <RadixDialog.Description className="cal-dialog-description">{subtitle}</RadixDialog.Description> : null}
    </>
  );
}

export function DialogFooter({ children }: { children: ReactNode; showDivider?: boolean; noSticky?: boolean }) {
  return <div className="cal-dialog-actions">{children}</div>;
}

/** A button that closes the dialog (after its own onClick); secondary unless told otherwise. */
export function DialogClose({
  children = "Close",
  color = "secondary",
  dialogCloseProps,
  ...props
}: { children?: ReactNode; color?: ButtonColor; loading?: boolean; dialogCloseProps?: ComponentProps<typeof RadixDialog.Close> } & Omit<ComponentProps<typeof Button>, "color">) {
  return (
    <RadixDialog.Close asChild {...dialogCloseProps}>
      <Button color={color} {...props}>
        {children}
      </Button>
    </RadixDialog.Close>
  );
}

type ConfirmButton = { confirmBtn?: never; confirmBtnText?: string } | { confirmBtnText?: never; confirmBtn?: ReactElement };

export type ConfirmationDialogContentProps = {
  cancelBtnText?: string;
  isPending?: boolean;
  loadingText?: string;
  onConfirm?: (event: MouseEvent<HTMLElement>) => void;
  title: string;
  variety?: "danger" | "warning" | "success";
} & ConfirmButton;

/** A yes/no question before an action: the title, what happens (children), Cancel and the action. */
export function ConfirmationDialogContent(props: PropsWithChildren<ConfirmationDialogContentProps>) {
  return (
    <DialogContent type="confirmation" {...(props.children ? {} : { "aria-describedby": undefined })}>
      <ConfirmationContent {...props} />
    </DialogContent>
  );
}

export function ConfirmationContent({
  title,
  variety,
  confirmBtn,
  confirmBtnText = "Confirm",
  cancelBtnText = "Cancel",
  loadingText = "Loading",
  isPending = false,
  onConfirm,
  children,
}: PropsWithChildren<ConfirmationDialogContentProps>) {
  return (
    <>
      <RadixDialog.Title className="cal-dialog-title">{title}</RadixDialog.Title>
      {children ? (
        <RadixDialog.Description asChild>
          <div className="cal-dialog-description">{children}</div>
        </RadixDialog.Description>
      ) : null}
      <div className="cal-dialog-actions">
        <DialogClose disabled={isPending}>{cancelBtnText}</DialogClose>
        {confirmBtn ?? (
          <DialogClose color={variety === "danger" ? "destructive" : "primary"} loading={isPending} onClick={(event) => onConfirm?.(event)} data-testid="dialog-confirmation">
            {isPending ? loadingText : confirmBtnText}
          </DialogClose>
        )}
      </div>
    </>
  );
}
