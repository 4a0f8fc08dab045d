/** The Sessions page's tabs, as Cal.com's bookings list has upcoming/unconfirmed/past/cancelled. */
export const SESSION_LIST_TABS = ["awaiting", "completed", "noShow", "cancelled", "all"] as const;
export type SessionListTab = (typeof SESSION_LIST_TABS)[number];
export type SessionListCounts = Record<SessionListTab, number>;

/** A search for part of a client's name or address: at most what an address can hold. */
export const SEARCH_MAX_CHARACTERS = 320;
