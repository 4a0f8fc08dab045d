import type { SessionAction } from "../lib/transitions";

/** The words of the product page for each action and its confirmation, as translation keys. */
export const ACTION_COPY: Record<SessionAction, { button: string; title: string; description: string; confirm: string; done: string; /** Done, naming the attendees chosen (a group's no-show). */ doneNamed?: string; destructive?: boolean }> = {
  checkout: {
    button: "session_checkout_action_checkout",
    title: "session_checkout_action_checkout_title",
    description: "session_checkout_action_checkout_description",
    confirm: "session_checkout_action_checkout",
    done: "session_checkout_action_checkout_done",
  },
  undoCheckout: {
    button: "session_checkout_action_undo_checkout",
    title: "session_checkout_action_undo_checkout_title",
    description: "session_checkout_action_undo_checkout_description",
    confirm: "session_checkout_action_undo_checkout",
    done: "session_checkout_action_undo_checkout_done",
    destructive: true,
  },
  markNoShow: {
    button: "session_checkout_action_mark_no_show",
    title: "session_checkout_action_mark_no_show_title",
    description: "session_checkout_action_mark_no_show_description",
    confirm: "session_checkout_action_mark_no_show",
    done: "session_checkout_action_mark_no_show_done",
    doneNamed: "session_checkout_marked_no_show_named",
    destructive: true,
  },
  clearNoShow: {
    button: "session_checkout_action_clear_no_show",
    title: "session_checkout_action_clear_no_show_title",
    description: "session_checkout_action_clear_no_show_description",
    confirm: "session_checkout_action_clear_no_show",
    done: "session_checkout_action_clear_no_show_done",
    doneNamed: "session_checkout_cleared_no_show_named",
  },
};
