"use client";

import { useAppLocale } from "./use-app-locale";

import { ClientHistoryPage } from "./ClientHistoryPage";
import { ReportsPage } from "./reports/ReportsPage";
import { SessionsListPage } from "./SessionsListPage";
import type { AppPageProps } from "./slot-props";

/** The app's pages under /apps/session-checkout/: clients/<email>, sessions (?tab=&q=&range=&from=&to=&team=&eventType=) and reports (?range=&from=&to=&team=&eventType=). */
export default function AppPage({ path, searchParams, timeZone }: AppPageProps) {
  const { t } = useAppLocale();
  const [page, argument] = path;
  if (page === "clients" && argument) return <ClientHistoryPage attendeeEmail={decodeURIComponent(argument)} timeZone={timeZone} />;
  if (page === "sessions") return <SessionsListPage timeZone={timeZone} searchParams={new URLSearchParams(searchParams)} />;
  if (page === "reports") return <ReportsPage timeZone={timeZone} searchParams={new URLSearchParams(searchParams)} />;
  return <p role="alert">{t("session_checkout_page_not_found")}</p>;
}
