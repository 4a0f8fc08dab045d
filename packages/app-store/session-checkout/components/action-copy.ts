import type { SessionAction } from "../lib/transitions";

/** The words of the product page for each action and its confirmation. */
export const ACTION_COPY: Record<SessionAction, { button: string; title: string; description: string; confirm: string; done: string; destructive?: boolean }> = {
  checkout: {
    button: "Check Out",
    title: "Check out this session?",
    description:
      "The session status changes to Completed. A satisfaction survey is sent to the client if surveys are enabled, the session counts toward your analytics and revenue reports, and it can no longer be rescheduled.",
    confirm: "Check Out",
    done: "Session checked out: Completed.",
  },
  undoCheckout: {
    button: "Undo Checkout",
    title: "Undo checkout?",
    description:
      "The session returns to Confirmed status. Any survey email already sent cannot be recalled, but the session will no longer count as completed in your reports until checked out again.",
    confirm: "Undo Checkout",
    done: "Checkout undone: Confirmed.",
    destructive: true,
  },
  markNoShow: {
    button: "Mark No-Show",
    title: "Mark as No Show?",
    description: "The selected attendees are marked as not having attended. A No Show session is not checked out automatically and gets no survey.",
    confirm: "Mark No-Show",
    done: "Marked as No Show.",
    destructive: true,
  },
  clearNoShow: {
    button: "Clear No-Show",
    title: "Clear No Show?",
    description: "The selected attendees are no longer marked as no-show; the session returns to Confirmed.",
    confirm: "Clear No-Show",
    done: "No-show cleared.",
  },
};
