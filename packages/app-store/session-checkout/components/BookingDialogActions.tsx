"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import { SESSION_ACTIONS, type SessionAction } from "../lib/transitions";
import { ACTION_COPY } from "./action-copy";
import { errorMessage, formatInZone } from "./format";
import { HistoryPanel } from "./HistoryPanel";
import { NotesPanel } from "./NotesPanel";
import { SessionStatusBadge } from "./SessionStatusBadge";
import type { BookingDialogSlotProps } from "./slot-props";
import { SurveyPanel } from "./SurveyPanel";

type Tab = "actions" | "notes" | "history";
const TABS: Array<{ id: Tab; label: string }> = [
  { id: "actions", label: "Checkout" },
  { id: "notes", label: "Notes" },
  { id: "history", label: "History" },
];

/** Session Checkout's part of the booking detail dialog, filled in through the registry's slot. */
export default function BookingDialogActions({ bookingId, timeZone, onSessionChanged }: BookingDialogSlotProps) {
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

  if (session.isLoading) return <p className="sc-muted">Loading session…</p>;
  if (session.error || !session.data) return <p role="alert" className="sc-error">{session.error ? errorMessage(session.error) : "Session not found."}</p>;
  const details = session.data;
  const isGroup = details.attendees.length > 1;
  const noShowCandidates = (action: SessionAction) => details.attendees.filter((a) => (action === "markNoShow" ? !a.noShow : a.noShow));

  const open = (action: SessionAction) => {
    setError(null);
    setChosenEmails(noShowCandidates(action).map((a) => a.email));
    setConfirming(action);
  };

  const run = async (action: SessionAction) => {
    const attendeeEmails = isGroup && (action === "markNoShow" || action === "clearNoShow") ? chosenEmails : undefined;
    try {
      if (action === "markNoShow" || action === "clearNoShow") await mutations[action].mutateAsync({ bookingId, attendeeEmails });
      else await mutations[action].mutateAsync({ bookingId });
      showToast(ACTION_COPY[action].done, "success");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setConfirming(null);
      await utils.viewer.appSessionCheckout.getSession.invalidate({ bookingId });
      onSessionChanged();
    }
  };

  return (
    <section className="sc-panel" aria-label="Session Checkout">
      <p className="sc-status">
        Session status: <SessionStatusBadge status={details.status} />
        {details.checkout?.state === "ACTIVE" ? <span className="sc-muted"> · checked out {formatInZone(details.checkout.checkedOutAt, timeZone)}{details.checkout.method === "AUTO" ? " by Auto-checkout" : ""}</span> : null}
      </p>
      {error ? (
        <p role="alert" className="sc-error">
          {error}
        </p>
      ) : null}

      <div role="tablist" aria-label="Session Checkout" className="sc-tabs">
        {TABS.map(({ id, label }) => (
          <button key={id} type="button" role="tab" id={`sc-tab-${id}`} aria-selected={tab === id} aria-controls={`sc-tabpanel-${id}`} className="sc-tab" onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`sc-tabpanel-${tab}`} aria-labelledby={`sc-tab-${tab}`}>
        {tab === "actions" ? (
          <>
            <div className="sc-actions">
              {SESSION_ACTIONS.filter((action) => details.allowedActions[action].allowed).map((action) => (
                <Button key={action} color={ACTION_COPY[action].destructive ? "secondary" : "primary"} onClick={() => open(action)} disabled={busy}>
                  {ACTION_COPY[action].button}
                </Button>
              ))}
              {SESSION_ACTIONS.every((action) => !details.allowedActions[action].allowed) ? <p className="sc-muted">{details.allowedActions.checkout.reason}</p> : null}
            </div>
            <SurveyPanel bookingId={bookingId} timeZone={timeZone} details={details} />
            <ul className="sc-attendees" aria-label="Attendees">
              {details.attendees.map((attendee) => (
                <li key={attendee.email}>
                  {attendee.name} &lt;{attendee.email}&gt;{attendee.noShow ? <strong> · No Show</strong> : null} ·{" "}
                  <a href={`/apps/session-checkout/clients/${encodeURIComponent(attendee.email)}`}>Session history</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {tab === "notes" ? <NotesPanel bookingId={bookingId} timeZone={timeZone} /> : null}
        {tab === "history" ? <HistoryPanel bookingId={bookingId} entries={details.history} nextCursor={details.historyNextCursor} timeZone={timeZone} /> : null}
      </div>

      {confirming ? (
        // Not ConfirmationDialogContent: it puts its children in a <p> (no room for the attendee checkboxes)
        // and closes on confirm; this one stays open, its button busy, until the action is done.
        <Dialog open onOpenChange={(isOpen) => !isOpen && setConfirming(null)}>
          <DialogContent title={ACTION_COPY[confirming].title} description={ACTION_COPY[confirming].description}>
            {isGroup && (confirming === "markNoShow" || confirming === "clearNoShow") ? (
              <fieldset className="sc-choose">
                <legend>Attendees</legend>
                {noShowCandidates(confirming).map((attendee) => (
                  <label key={attendee.email}>
                    <input
                      type="checkbox"
                      checked={chosenEmails.includes(attendee.email)}
                      onChange={(e) => setChosenEmails((current) => (e.target.checked ? [...current, attendee.email] : current.filter((x) => x !== attendee.email)))}
                    />{" "}
                    {attendee.name}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <DialogFooter>
              <DialogClose>Cancel</DialogClose>
              <Button
                color={ACTION_COPY[confirming].destructive ? "destructive" : "primary"}
                disabled={busy || (isGroup && (confirming === "markNoShow" || confirming === "clearNoShow") && chosenEmails.length === 0)}
                aria-busy={busy || undefined}
                onClick={() => void run(confirming)}
              >
                {ACTION_COPY[confirming].confirm}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      ) : null}
    </section>
  );
}
