"use client";

import { useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import { SESSION_ACTIONS, type SessionAction } from "../lib/transitions";
import { ACTION_COPY } from "./action-copy";
import { errorMessage } from "./format";
import { useFormatInZone } from "./use-format-in-zone";
import { LoadProblem } from "./LoadProblem";
import { HistoryPanel } from "./HistoryPanel";
import { NotesPanel } from "./NotesPanel";
import type { BookingDialogSlotProps } from "./slot-props";
import { SurveyPanel } from "./SurveyPanel";

type Tab = "actions" | "notes" | "history";
const TABS: Array<{ id: Tab; labelKey: string }> = [
  { id: "actions", labelKey: "session_checkout_tab_checkout" },
  { id: "notes", labelKey: "session_checkout_tab_notes" },
  { id: "history", labelKey: "session_checkout_tab_history" },
];

/** Session Checkout's part of the booking detail dialog, filled in through the registry's slot. */
export default function BookingDialogActions({ bookingId, timeZone, onSessionChanged }: BookingDialogSlotProps) {
  const { t } = useAppLocale();
  const formatInZone = useFormatInZone();
  const utils = trpc.useUtils();
  const session = trpc.viewer.appSessionCheckout.getSession.useQuery(
    { bookingId },
    // While a survey waits to go out, look again every few seconds so the dialog says when it went.
    { refetchInterval: (query) => (query.state.data?.surveys.some((survey) => survey.state === "QUEUED") ? 5_000 : false) },
  );
  const [tab, setTab] = useState<Tab>("actions");
  const [confirming, setConfirming] = useState<SessionAction | null>(null);
  const [chosenEmails, setChosenEmails] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const mutations = {
    checkout: trpc.viewer.appSessionCheckout.checkout.useMutation(),
    undoCheckout: trpc.viewer.appSessionCheckout.undoCheckout.useMutation(),
    markNoShow: trpc.viewer.appSessionCheckout.markNoShow.useMutation(),
    clearNoShow: trpc.viewer.appSessionCheckout.clearNoShow.useMutation(),
  };
  const busy = Object.values(mutations).some((mutation) => mutation.isPending);

  if (session.isLoading) return <p className="text-subtle text-sm">{t("session_checkout_loading_session")}</p>;
  // A failure says what happened in words and offers Retry where retrying can help; a failed
  // refresh keeps what was shown (the panel never vanishes under the host).
  const loadProblem = session.error ? (
    <LoadProblem error={session.error} message={errorMessage(session.error, t)} retrying={session.isFetching} onRetry={() => void session.refetch()} />
  ) : null;
  if (!session.data) return loadProblem ?? <p role="alert" className="bg-error text-error rounded-md px-3 py-2">{t("session_checkout_session_not_found")}</p>;
  const details = session.data;
  const isGroup = details.attendees.length > 1;
  const noShowCandidates = (action: SessionAction) => details.attendees.filter((a) => (action === "markNoShow" ? !a.noShow : a.noShow));

  const open = (action: SessionAction) => {
    setError(null);
    // Nobody ticked for the host: a group's no-show is about who was absent, and a click must not
    // take everyone along. One candidate only is unambiguous.
    const candidates = noShowCandidates(action);
    setChosenEmails(candidates.length === 1 ? [candidates[0]!.email] : []);
    setConfirming(action);
  };

  // In a group, a no-show is about the attendees the host picks.
  const choosesAttendees = (action: SessionAction): action is "markNoShow" | "clearNoShow" => isGroup && (action === "markNoShow" || action === "clearNoShow");

  const run = async (action: SessionAction) => {
    const attendeeEmails = choosesAttendees(action) ? chosenEmails : undefined;
    try {
      if (action === "markNoShow" || action === "clearNoShow") await mutations[action].mutateAsync({ bookingId, attendeeEmails });
      else await mutations[action].mutateAsync({ bookingId });
      // In a group, name who was marked or cleared: the session itself may well stay Confirmed.
      const copy = ACTION_COPY[action];
      const names = attendeeEmails ? details.attendees.filter((a) => attendeeEmails.includes(a.email)).map((a) => a.name).join(", ") : "";
      showToast(names && copy.doneNamed ? t(copy.doneNamed, { names }) : t(copy.done), "success");
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setConfirming(null);
      await utils.viewer.appSessionCheckout.getSession.invalidate({ bookingId });
      onSessionChanged();
    }
  };

  return (
    // sc-session: a marker the calendar bench waits for, no style. The session's status is the dialog's
    // own (Cal.com's booking dialog shows it, from what the app reports): said once, not again here.
    <section className="sc-session border-subtle border-t pt-4" aria-label={t("session_checkout_app_name")}>
      {loadProblem}
      {details.checkout?.state === "ACTIVE" ? (
        <p className="text-subtle mb-3 mt-0 text-sm">
          {t(details.checkout.method === "AUTO" ? "session_checkout_checked_out_at_by_auto_checkout" : "session_checkout_checked_out_at", {
            date: formatInZone(details.checkout.checkedOutAt, timeZone),
          })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
          {error}
        </p>
      ) : null}

      <div role="tablist" aria-label={t("session_checkout_app_name")} className="border-subtle mb-3 flex gap-1 border-b">
        {TABS.map(({ id, labelKey }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`sc-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`sc-tabpanel-${id}`}
            className="aria-selected:border-brand-default cursor-pointer border-0 border-b-2 border-transparent bg-transparent px-3 py-1.5 [font:inherit] focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-300 aria-selected:font-semibold"
            onClick={() => setTab(id)}
          >
            {t(labelKey)}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`sc-tabpanel-${tab}`} aria-labelledby={`sc-tab-${tab}`}>
        {tab === "actions" ? (
          <>
            <div className="mb-3 flex flex-wrap gap-2">
              {SESSION_ACTIONS.filter((action) => details.allowedActions[action].allowed).map((action) => (
                <Button key={action} color={action === "checkout" ? "primary" : "secondary"} onClick={() => open(action)} disabled={busy}>
                  {t(ACTION_COPY[action].button)}
                </Button>
              ))}
              {/* Check Out is not offered: say why, also beside the actions that are (a No Show session offers Clear No-Show).
                  Not for a Completed session: it was checked out (the line above says when), and the reason would read as an error under Undo. */}
              {details.allowedActions.checkout.allowed || details.status === "COMPLETED" ? null : (
                <p className="text-subtle m-0 basis-full text-sm">{details.allowedActions.checkout.reason}</p>
              )}
            </div>
            <SurveyPanel bookingId={bookingId} timeZone={timeZone} details={details} />
            {/* The host's dialog lists the attendees with their addresses; here only what the app adds:
                each client's history, and who was absent. */}
            <h3 id="sc-client-history" className="text-emphasis mb-1.5 mt-4 text-base font-semibold">
              {t("session_checkout_client_history_heading")}
            </h3>
            <ul className="m-0 flex list-none flex-wrap gap-x-4 gap-y-1 p-0 text-sm" aria-labelledby="sc-client-history">
              {details.attendees.map((attendee) => (
                <li key={attendee.email}>
                  <a className="text-emphasis underline underline-offset-2" href={`/apps/session-checkout/clients/${encodeURIComponent(attendee.email)}`}>
                    {attendee.name || attendee.email}
                  </a>
                  {attendee.noShow ? <span className="text-subtle"> · {t("session_checkout_no_show")}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {tab === "notes" ? <NotesPanel bookingId={bookingId} timeZone={timeZone} /> : null}
        {tab === "history" ? <HistoryPanel bookingId={bookingId} entries={details.history} nextCursor={details.historyNextCursor} rescheduledFrom={details.rescheduledFrom} timeZone={timeZone} /> : null}
      </div>

      {confirming ? (
        // Not ConfirmationDialogContent: it puts its children in a <p> (no room for the attendee checkboxes)
        // and closes on confirm; this one stays open, its button busy, until the action is done.
        <Dialog open onOpenChange={(isOpen) => !isOpen && setConfirming(null)}>
          <DialogContent title={t(ACTION_COPY[confirming].title)} description={t(ACTION_COPY[confirming].description)}>
            {choosesAttendees(confirming) ? (
              // The legend floated: inside the box as its heading, not cut into its border.
              <fieldset className="border-subtle m-0 mb-4 grid gap-2.5 rounded-md border px-4 py-3">
                <legend className="text-emphasis float-left m-0 mb-0.5 p-0 text-sm font-semibold">{t("session_checkout_attendees")}</legend>
                {noShowCandidates(confirming).map((attendee) => (
                  <label key={attendee.email} className="flex cursor-pointer items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="m-0 size-4 shrink-0"
                      checked={chosenEmails.includes(attendee.email)}
                      onChange={(e) => setChosenEmails((current) => (e.target.checked ? [...current, attendee.email] : current.filter((x) => x !== attendee.email)))}
                    />
                    {attendee.name}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <DialogFooter>
              <DialogClose>{t("session_checkout_cancel")}</DialogClose>
              <Button
                color={ACTION_COPY[confirming].destructive ? "destructive" : "primary"}
                disabled={busy || (choosesAttendees(confirming) && chosenEmails.length === 0)}
                aria-busy={busy || undefined}
                onClick={() => void run(confirming)}
              >
                {t(ACTION_COPY[confirming].confirm)}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      ) : null}
    </section>
  );
}
