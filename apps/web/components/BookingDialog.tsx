"use client";

import type { ComponentType } from "react";

import type { AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";
import type { BookingDialogSlotProps } from "@calcom/types/AppSlots";
import { Badge } from "@calcom/ui/components/badge";
import { Dialog, DialogContent } from "@calcom/ui/components/dialog";

import { eventPriceLabel } from "../lib/event-price";
import { formatTime } from "../lib/time-format";

import type { CalendarBooking } from "./calendar-types";

/** "Thursday, 26 November 2026, 15:00–16:00 (Europe/Paris)". */
export function formatRange(start: Date, end: Date, timeZone: string, hour12 = false) {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(start);
  return `${day}, ${formatTime(start, timeZone, hour12)}–${formatTime(end, timeZone, hour12)} (${timeZone})`;
}

export function BookingDialog({
  booking,
  statusLabel,
  organizerName,
  tone,
  appParts,
  appPartsLoading,
  timeZone,
  hour12,
  onClose,
  onSessionChanged,
}: {
  booking: CalendarBooking;
  /** null while the installed apps have not yet said what the booking is. */
  statusLabel: string | null;
  /** The organizer, when the session is not the signed-in user's own (a team admin's view of a member's). */
  organizerName: string | null;
  tone: "green" | "blue" | "orange" | "gray" | "red";
  /** The installed apps' parts of the dialog, already loaded by the calendar. */
  appParts: Array<{ slug: AppStoreSlug; Component: ComponentType<BookingDialogSlotProps> }>;
  appPartsLoading: boolean;
  timeZone: string;
  /** The user reads 12-hour times. */
  hour12: boolean;
  onClose: () => void;
  onSessionChanged: () => void;
}) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={booking.title} description={formatRange(booking.startTime, booking.endTime, timeZone, hour12)} size="lg">
        <dl className="booking-facts">
          <dt>Status</dt>
          <dd>
            {statusLabel === null ? <span className="muted">Loading…</span> : <Badge variant={tone}>{statusLabel}</Badge>}
          </dd>
          {organizerName ? (
            <>
              <dt>Host</dt>
              <dd>{organizerName}</dd>
            </>
          ) : null}
          <dt>Event type</dt>
          <dd>{booking.eventType?.title ?? "—"}</dd>
          <dt>Price</dt>
          <dd>{booking.eventType ? eventPriceLabel(booking.eventType.price, booking.eventType.currency) : "—"}</dd>
          <dt>Attendees</dt>
          <dd>
            <ul>
              {booking.attendees.map((attendee) => (
                <li key={attendee.email}>
                  {attendee.name} &lt;{attendee.email}&gt;
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        {appParts.map(({ slug, Component }) => (
          <Component key={slug} bookingId={booking.id} timeZone={timeZone} onSessionChanged={onSessionChanged} />
        ))}
        {appPartsLoading ? <p className="muted">Loading…</p> : null}
      </DialogContent>
    </Dialog>
  );
}
