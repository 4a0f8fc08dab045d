"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { showToast } from "@calcom/ui/components/toast";

import type { SessionDetails } from "../lib/services/session-details";
import type { SurveyView } from "../lib/services/survey-view";
import type { SurveyWithheldReason } from "../lib/survey-eligibility";
import { normalizeEmail } from "../lib/transitions";
import { errorMessage, formatInZone, stars } from "./format";

type Attendee = SessionDetails["attendees"][number];

/** Each attendee's satisfaction survey in plain words; a failed one can be sent again. Comments are shown as text, never HTML. */
export function SurveyPanel({ bookingId, timeZone, details }: { bookingId: number; timeZone: string; details: Pick<SessionDetails, "surveys" | "attendees" | "checkout" | "unsubscribedFromSurveys"> }) {
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const resend = trpc.viewer.appSessionCheckout.resendSurvey.useMutation();
  if (details.surveys.length === 0 && details.unsubscribedFromSurveys.length === 0) return null;
  const nameOf = (email: string) => details.attendees.find((a) => normalizeEmail(a.email) === email)?.name ?? email;

  const resendTo = async (survey: SurveyView) => {
    setError(null);
    try {
      await resend.mutateAsync({ bookingId, attendeeEmail: survey.attendeeEmail });
      showToast(`Survey to ${survey.attendeeName} queued again: it goes out within a minute.`, "success");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      await utils.viewer.appSessionCheckout.getSession.invalidate({ bookingId });
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
            <SurveyStateText survey={survey} timeZone={timeZone} />
            {survey.state === "FAILED" ? (
              <Button color="secondary" className="sc-survey-resend" loading={resend.isPending && resend.variables?.attendeeEmail === survey.attendeeEmail} disabled={resend.isPending} onClick={() => void resendTo(survey)} aria-label={`Resend the survey to ${survey.attendeeName}`}>
                Resend
              </Button>
            ) : null}
          </li>
        ))}
        {details.unsubscribedFromSurveys.map((email) => (
          <li key={email} className="sc-survey">
            <span className="sc-survey-who">{nameOf(email)}</span> <span className="sc-muted">&lt;{email}&gt;</span>: No survey — unsubscribed from your surveys
          </li>
        ))}
      </ul>
    </section>
  );
}

function SurveyStateText({ survey, timeZone }: { survey: SurveyView; timeZone: string }) {
  switch (survey.state) {
    case "QUEUED":
      return <span>Queued — sends within a minute</span>;
    case "SENT":
      return <span>Sent{survey.sentAt ? ` ${formatInZone(survey.sentAt, timeZone)}` : ""}</span>;
    case "CANCELLED":
      return <span>Not sent — withdrawn before sending{survey.reason ? `: ${WITHDRAWN_BECAUSE[survey.reason]}` : ""}</span>;
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

const WITHDRAWN_BECAUSE: Record<SurveyWithheldReason, string> = {
  "checkout-undone": "the checkout was undone; checking out again does not send it",
  "marked-absent": "the client was marked No Show",
  "surveys-off": "surveys were switched off",
  unsubscribed: "the client unsubscribed from your surveys",
  "not-an-attendee": "the client was no longer an attendee",
};
