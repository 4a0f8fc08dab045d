import type { App_SessionCheckout_AlertStatus, App_SessionCheckout_SurveyStatus } from "@calcom/prisma/enums";

import { isSurveyWithheldReason, type SurveyWithheldReason } from "../survey-eligibility";
import { boundedReason } from "./outbox";

/** A survey row as read for the dialog. */
export interface SurveyRow {
  attendeeEmail: string;
  attendeeName: string;
  status: App_SessionCheckout_SurveyStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  answeredAt: Date | null;
  rating: number | null;
  comment: string | null;
  alertStatus: App_SessionCheckout_AlertStatus | null;
  cancelReason: string | null;
}

interface SurveyViewBase {
  attendeeEmail: string;
  attendeeName: string;
  /** The low-rating alert to the host, when the answer triggered one. */
  alertStatus: App_SessionCheckout_AlertStatus | null;
}

/** One attendee's survey as the host sees it: each state carries what there is to say about it. */
export type SurveyView = SurveyViewBase &
  (
    | { state: "QUEUED" }
    | { state: "SENT"; sentAt: Date | null }
    | { state: "CANCELLED"; reason: SurveyWithheldReason | null }
    | { state: "FAILED"; attempts: number; lastError: string | null }
    | { state: "ANSWERED"; rating: number | null; comment: string | null; answeredAt: Date | null; sentAt: Date | null }
  );

export function toSurveyView(row: SurveyRow): SurveyView {
  const base: SurveyViewBase = { attendeeEmail: row.attendeeEmail, attendeeName: row.attendeeName, alertStatus: row.alertStatus };
  switch (row.status) {
    case "QUEUED":
      return { ...base, state: "QUEUED" };
    case "SENT":
      return { ...base, state: "SENT", sentAt: row.sentAt };
    case "CANCELLED":
      return { ...base, state: "CANCELLED", reason: row.cancelReason !== null && isSurveyWithheldReason(row.cancelReason) ? row.cancelReason : null };
    case "FAILED":
      // Cut again on the way out: the bound is this function's promise, whoever wrote the row.
      return { ...base, state: "FAILED", attempts: row.attempts, lastError: row.lastError === null ? null : boundedReason(row.lastError) };
    case "ANSWERED":
      return { ...base, state: "ANSWERED", rating: row.rating, comment: row.comment, answeredAt: row.answeredAt, sentAt: row.sentAt };
  }
}
