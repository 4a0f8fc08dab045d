"use client";

import { useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { showToast } from "@calcom/ui/components/toast";

import type { SessionDetails } from "../lib/services/session-details";
import type { SurveyView } from "../lib/services/survey-view";
import type { SurveyWithheldReason } from "../lib/survey-eligibility";
import { normalizeEmail } from "../lib/transitions";
import { errorMessage, stars } from "./format";
import { useFormatInZone } from "./use-format-in-zone";

type Attendee = SessionDetails["attendees"][number];

const MUTED = "text-subtle text-sm";

/** Each attendee's satisfaction survey in plain words; a failed one can be sent again. Comments are shown as text, never HTML. */
export function SurveyPanel({ bookingId, timeZone, details }: { bookingId: number; timeZone: string; details: Pick<SessionDetails, "surveys" | "attendees" | "checkout" | "unsubscribedFromSurveys"> }) {
  const { t } = useAppLocale();
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const resend = trpc.viewer.appSessionCheckout.resendSurvey.useMutation();
  if (details.surveys.length === 0 && details.unsubscribedFromSurveys.length === 0) return null;
  const nameOf = (email: string) => details.attendees.find((a) => normalizeEmail(a.email) === email)?.name ?? email;

  const resendTo = async (survey: SurveyView) => {
    setError(null);
    try {
      await resend.mutateAsync({ bookingId, attendeeEmail: survey.attendeeEmail });
      showToast(t("session_checkout_survey_queued_again", { name: survey.attendeeName }), "success");
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      await utils.viewer.appSessionCheckout.getSession.invalidate({ bookingId });
    }
  };

  return (
    <section className="mb-3" aria-labelledby={`sc-surveys-${bookingId}`}>
      <h3 id={`sc-surveys-${bookingId}`} className="text-emphasis mb-1.5 mt-0 text-base font-semibold">
        {t("session_checkout_survey")}
      </h3>
      {error ? (
        <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
          {error}
        </p>
      ) : null}
      <ul className="list-disc space-y-1 pl-4.5" aria-label={t("session_checkout_satisfaction_surveys")}>
        {details.surveys.map((survey) => (
          <li key={survey.attendeeEmail} className="mb-1.5">
            <span className="font-semibold">{survey.attendeeName}</span> <span className={MUTED}>&lt;{survey.attendeeEmail}&gt;</span>:{" "}
            <SurveyStateText survey={survey} timeZone={timeZone} />
            {survey.state === "FAILED" ? (
              <Button
                color="secondary"
                className="ml-2 px-2.5 py-0.5 text-sm"
                loading={resend.isPending && resend.variables?.attendeeEmail === survey.attendeeEmail}
                disabled={resend.isPending}
                onClick={() => void resendTo(survey)}
                aria-label={t("session_checkout_resend_survey_to", { name: survey.attendeeName })}
              >
                {t("session_checkout_resend")}
              </Button>
            ) : null}
          </li>
        ))}
        {details.unsubscribedFromSurveys.map((email) => (
          <li key={email} className="mb-1.5">
            <span className="font-semibold">{nameOf(email)}</span> <span className={MUTED}>&lt;{email}&gt;</span>: {t("session_checkout_survey_unsubscribed")}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SurveyStateText({ survey, timeZone }: { survey: SurveyView; timeZone: string }) {
  const { t } = useAppLocale();
  const formatInZone = useFormatInZone();
  switch (survey.state) {
    case "QUEUED":
      return <span>{t("session_checkout_survey_queued")}</span>;
    case "SENT":
      return <span>{survey.sentAt ? t("session_checkout_survey_sent_at", { date: formatInZone(survey.sentAt, timeZone) }) : t("session_checkout_survey_sent")}</span>;
    case "CANCELLED":
      return <span>{survey.reason ? t("session_checkout_survey_withdrawn_because", { reason: t(WITHDRAWN_BECAUSE[survey.reason]) }) : t("session_checkout_survey_withdrawn")}</span>;
    case "FAILED":
      return (
        <span>
          {t("session_checkout_survey_failed_after", { count: survey.attempts })}{" "}
          <span className="wrap-anywhere">{survey.lastError ?? t("session_checkout_survey_no_reason")}</span>
        </span>
      );
    case "ANSWERED":
      return (
        <span>
          {t("session_checkout_survey_answered")}{" "}
          {survey.rating !== null ? (
            <>
              <span className="tracking-wider text-amber-700" aria-hidden="true">
                {stars(survey.rating)}
              </span>{" "}
              {survey.rating}/5
            </>
          ) : null}
          {survey.answeredAt ? <span className={MUTED}> · {formatInZone(survey.answeredAt, timeZone)}</span> : null}
          {survey.alertStatus === "SENT" ? <span className={MUTED}> · {t("session_checkout_survey_alert_emailed")}</span> : null}
          {survey.comment ? <q className="mt-1 block whitespace-pre-wrap italic wrap-anywhere">{survey.comment}</q> : null}
        </span>
      );
  }
}

/** Why a survey was withdrawn, as translation keys. */
const WITHDRAWN_BECAUSE: Record<SurveyWithheldReason, string> = {
  "checkout-undone": "session_checkout_withdrawn_checkout_undone",
  "marked-absent": "session_checkout_withdrawn_marked_absent",
  "surveys-off": "session_checkout_withdrawn_surveys_off",
  unsubscribed: "session_checkout_withdrawn_unsubscribed",
  "not-an-attendee": "session_checkout_withdrawn_not_an_attendee",
};
