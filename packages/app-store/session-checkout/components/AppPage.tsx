"use client";

import type { AppPageProps } from "@calcom/types/AppSlots";

import { ClientHistoryPage } from "./ClientHistoryPage";
import { SessionsListPage } from "./SessionsListPage";

/** The app's pages under /apps/session-checkout/: clients/<email> and sessions. */
export default function AppPage({ path, timeZone }: AppPageProps) {
  const [page, argument] = path;
  if (page === "clients" && argument) return <ClientHistoryPage attendeeEmail={decodeURIComponent(argument)} timeZone={timeZone} />;
  if (page === "sessions") return <SessionsListPage timeZone={timeZone} />;
  return <p role="alert">This page does not exist.</p>;
}
