"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { showToast } from "@calcom/ui/components/toast";

import type { SessionDetails } from "../lib/services/session-details";
import type { SurveyView } from "../lib/services/survey-view";
import { normalizeEmail } from "../lib/transitions";
import { errorMessage, formatInZone, stars } from "./format";

type Attendee = SessionDetails["attendees"][number];

/** Each attendee's satisfaction survey in plain words; a failed one can be sent again. Comments are shown as text, never HTML. */
export function SurveyPanel({ bookingId, timeZone, details }: { bookingId: number; timeZone: string; details: Pick<SessionDetails, "surveys" | "attendees" | "checkout"> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const resend = useMutation(trpc.viewer.appSessionCheckout.resendSurvey.mutationOptions());
  if (details.surveys.length === 0) return null;

  const resendTo = async (survey: SurveyView) => {
    setError(null);
    try {
      await resend.mutateAsync({ bookingId, attendeeEmail: survey.attendeeEmail });
      showToast(`Survey to ${survey.attendeeName} queued again: it goes out within a minute.`, "success");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      await queryClient.invalidateQueries({ queryKey: trpc.viewer.appSessionCheckout.getSession.queryKey({ bookingId }) });
    }
  };

  return (
    <section className="sc-survey-panel" aria-labelledby={`sc-surveys-${bookingId}`}>
      <h3 id={`sc-surveys-${bookingId}`} className="sc-subheading">
        Survey
      </h3>
      {error ? (
        <p role="alert" className="sc-error">
          {error}
        </p>
      ) : null}
      <ul className="sc-surveys" aria-label="Satisfaction surveys">
        {details.surveys.map((survey) => (
          <li key={survey.attendeeEmail} className="sc-survey">
            <span className="sc-survey-who">{survey.attendeeName}</span> <span className="sc-muted">&lt;{survey.attendeeEmail}&gt;</span>:{" "}
            <SurveyStateText survey={survey} timeZone={timeZone} withdrawnBecause={withdrawnReason(survey, details)} />
            {survey.state === "FAILED" ? (
              <Button color="secondary" className="sc-survey-resend" loading={resend.isPending && resend.variables?.attendeeEmail === survey.attendeeEmail} disabled={resend.isPending} onClick={() => void resendTo(survey)} aria-label={`Resend the survey to ${survey.attendeeName}`}>
                Resend
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SurveyStateText({ survey, timeZone, withdrawnBecause }: { survey: SurveyView; timeZone: string; withdrawnBecause: string }) {
  switch (survey.state) {
    case "QUEUED":
      return <span>Queued — sends within a minute</span>;
    case "SENT":
      return <span>Sent{survey.sentAt ? ` ${formatInZone(survey.sentAt, timeZone)}` : ""}</span>;
    case "CANCELLED":
      return <span>Not sent — withdrawn ({withdrawnBecause})</span>;
    case "FAILED":
      return (
        <span>
          Failed after {survey.attempts} {survey.attempts === 1 ? "attempt" : "attempts"}: <span className="sc-survey-error">{survey.lastError ?? "no reason given"}</span>
        </span>
      );
    case "ANSWERED":
      return (
        <span>
          Answered{" "}
          {survey.rating !== null ? (
            <>
              <span className="sc-stars" aria-hidden="true">
                {stars(survey.rating)}
              </span>{" "}
              {survey.rating}/5
            </>
          ) : null}
          {survey.answeredAt ? <span className="sc-muted"> · {formatInZone(survey.answeredAt, timeZone)}</span> : null}
          {survey.alertStatus === "SENT" ? <span className="sc-muted"> · Low-rating alert emailed to the host</span> : null}
          {survey.comment ? <q className="sc-survey-comment">{survey.comment}</q> : null}
        </span>
      );
  }
}

/** Why a survey was withdrawn, as far as the session says: the rows do not record it. */
function withdrawnReason(survey: SurveyView, details: { attendees: ReadonlyArray<Attendee>; checkout: SessionDetails["checkout"] }): string {
  const absent = details.attendees.some((a) => normalizeEmail(a.email) === survey.attendeeEmail && a.noShow);
  if (absent) return "marked absent";
  if (details.checkout?.state !== "ACTIVE") return "checkout undone";
  // The checkout stands and the client came: surveys were switched off, or the client unsubscribed.
  return "surveys switched off, or the client unsubscribed";
}
