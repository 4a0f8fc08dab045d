import type { KeyboardEvent } from "react";

import { useAppLocale } from "../use-app-locale";

import { SESSION_LIST_TABS, type SessionListCounts, type SessionListTab } from "../../lib/session-list-tabs";

/** Each tab's name, as a translation key. */
const SESSION_TAB_LABEL_KEYS: Record<SessionListTab, string> = {
  awaiting: "session_checkout_tab_awaiting",
  completed: "session_checkout_tab_completed",
  noShow: "session_checkout_tab_no_show",
  cancelled: "session_checkout_tab_cancelled",
  all: "session_checkout_tab_all",
};

/** What an empty tab says, as translation keys. */
export const SESSION_TAB_EMPTY_KEYS: Record<SessionListTab, { title: string; description: string }> = {
  awaiting: { title: "session_checkout_tab_awaiting_empty_title", description: "session_checkout_tab_awaiting_empty" },
  completed: { title: "session_checkout_tab_completed_empty_title", description: "session_checkout_tab_completed_empty" },
  noShow: { title: "session_checkout_tab_no_show_empty_title", description: "session_checkout_tab_no_show_empty" },
  cancelled: { title: "session_checkout_tab_cancelled_empty_title", description: "session_checkout_tab_cancelled_empty" },
  all: { title: "session_checkout_tab_all_empty_title", description: "session_checkout_tab_all_empty" },
};

/** The Sessions page's tabs, each with how many sessions it holds under the current filters (Cal.com's horizontal tabs). */
export function SessionTabs({ tab, counts, panelId, onChange }: { tab: SessionListTab; counts: SessionListCounts | null; panelId: string; onChange: (tab: SessionListTab) => void }) {
  const { t } = useAppLocale();
  // The tabs pattern: one Tab stop for the list, the arrows (and Home, End) choose among the tabs.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = SESSION_LIST_TABS.indexOf(tab);
    const last = SESSION_LIST_TABS.length - 1;
    const next = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onChange(SESSION_LIST_TABS[next]!);
    document.getElementById(`${panelId}-${SESSION_LIST_TABS[next]}`)?.focus();
  };
  return (
    <div role="tablist" onKeyDown={onKeyDown} aria-label={t("session_checkout_status")} className="mb-4 flex flex-wrap gap-1">
      {SESSION_LIST_TABS.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`${panelId}-${id}`}
          aria-selected={tab === id}
          tabIndex={tab === id ? 0 : -1}
          aria-controls={panelId}
          className="text-subtle hover:bg-subtle hover:text-emphasis aria-selected:bg-emphasis aria-selected:text-emphasis flex shrink-0 cursor-pointer items-center gap-2 rounded-md border-0 bg-transparent px-3 py-2 text-sm font-medium [font-family:inherit] focus-visible:outline-2 focus-visible:outline-blue-300"
          onClick={() => onChange(id)}
        >
          {t(SESSION_TAB_LABEL_KEYS[id])}
          <span className="bg-default border-subtle text-default min-w-6 border rounded-md px-1.5 py-0.5 text-xs tabular-nums">{counts ? counts[id].toLocaleString() : "…"}</span>
        </button>
      ))}
    </div>
  );
}
