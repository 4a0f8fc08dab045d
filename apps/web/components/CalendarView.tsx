"use client";

import type { DatesSetArg, EventChangeArg, EventClickArg, EventInput } from "@fullcalendar/core";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin from "@fullcalendar/interaction";
import luxonPlugin from "@fullcalendar/luxon3";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { bookingDialogActionsSlot, calendarStatusesSlot } from "@calcom/app-store/apps.browser.generated";
import type { AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";
import { trpc } from "@calcom/trpc/react";
import type { CalendarBookingStatus } from "@calcom/types/AppSlots";
import { showToast } from "@calcom/ui/components/toast";

import { BookingDialog } from "./BookingDialog";
import { CALCOM_STATUS_DISPLAY, type CalendarBooking, type Tone } from "./calendar-types";
import { useSlotComponents } from "./slots";

interface Display {
  key: string;
  label: string;
  tone: Tone;
  locked: boolean;
  /** Said when someone tries to move a booking that may not move. */
  lockedReason: string | null;
}

/** How far the pointer travels on a booking that may not move before the calendar says why. */
const DRAG_INTENT_PX = 8;

/**
 * A booking that may not move gets no drag from the calendar at all, so an attempt would only snap
 * back in silence: on a press that starts to move, say why instead (once per press).
 */
function explainLockedDrag(element: HTMLElement, reasonNow: () => string | null): () => void {
  const onPointerDown = (down: PointerEvent) => {
    const reason = reasonNow();
    if (!reason) return;
    let said = false;
    const onMove = (move: PointerEvent) => {
      if (said || Math.hypot(move.clientX - down.clientX, move.clientY - down.clientY) < DRAG_INTENT_PX) return;
      said = true;
      showToast(reason, "warning");
    };
    const onUp = () => {
      document.removeEventListener("pointermove", onMove);
      document.removeEventListener("pointerup", onUp);
    };
    document.addEventListener("pointermove", onMove);
    document.addEventListener("pointerup", onUp);
  };
  element.addEventListener("pointerdown", onPointerDown);
  return () => element.removeEventListener("pointerdown", onPointerDown);
}

/** The host's week: FullCalendar in the host's time zone; drag and resize reschedule through the host's mutation. */
export function CalendarView({ userId, timeZone, initialDate, initialBookingId }: { userId: number; timeZone: string; initialDate?: string; initialBookingId?: number }) {
  const utils = trpc.useUtils();
  const [range, setRange] = useState<{ from: Date; to: Date } | null>(null);
  const [openBookingId, setOpenBookingId] = useState<number | null>(initialBookingId ?? null);
  // A move makes a new booking (Cal.com's reschedule): a click on the event before the list has
  // caught up opens the booking that replaced it.
  const [replacedBy, setReplacedBy] = useState<ReadonlyMap<number, number>>(new Map());

  const bookings = trpc.viewer.bookings.list.useQuery(range ?? { from: new Date(0), to: new Date(1) }, { enabled: range !== null });
  const apps = trpc.viewer.apps.list.useQuery();
  const installedSlugs = (apps.data ?? []).filter((app) => app.installed).map((app) => app.slug as AppStoreSlug);
  // Loaded as soon as the calendar knows the installed apps, so a session's dialog opens at once.
  const dialogParts = useSlotComponents(bookingDialogActionsSlot, installedSlugs);
  // Installed apps that say something about each booking (the registry's calendar-status slot).
  const statusProviders = useSlotComponents(calendarStatusesSlot, installedSlugs);
  const bookingIds = (bookings.data ?? []).map((booking) => booking.id);
  const [refreshKey, setRefreshKey] = useState(0);
  // Each app's last word, and which bookings it covered (an error covers them too: drawn as Cal.com has them).
  const [reports, setReports] = useState<Partial<Record<AppStoreSlug, { covers: number[]; statuses: CalendarBookingStatus[] }>>>({});
  const idsKey = bookingIds.join(",");
  const report = useCallback(
    (slug: AppStoreSlug, entry: { statuses: CalendarBookingStatus[] } | { error: string }) =>
      setReports((current) => ({ ...current, [slug]: { covers: idsKey ? idsKey.split(",").map(Number) : [], statuses: "statuses" in entry ? entry.statuses : [] } })),
    [idsKey],
  );
  // One pair of callbacks per app and set of bookings: a new function each render would have the app report again and again.
  const slugsKey = installedSlugs.join(",");
  const callbacks = useMemo(
    () =>
      new Map(
        installedSlugs.map((slug) => [
          slug,
          { onStatuses: (statuses: CalendarBookingStatus[]) => report(slug, { statuses }), onError: (error: string) => report(slug, { error }) },
        ]),
      ),
    // `slugsKey` stands for the slug list's content (a new array each render).
    [slugsKey, report],
  );
  const reschedule = trpc.viewer.bookings.reschedule.useMutation();

  const displays = useMemo(() => {
    const fromApps = new Map<number, CalendarBookingStatus>();
    Object.values(reports).forEach((entry) => entry?.statuses.forEach((status) => fromApps.set(status.bookingId, status)));
    return new Map(
      (bookings.data ?? []).map((booking): [number, Display] => {
        const fromApp = fromApps.get(booking.id);
        const base = CALCOM_STATUS_DISPLAY[booking.status];
        // Only the host moves a booking; team admins see their team's sessions but do not reschedule them.
        const movable = booking.userId === userId && (booking.status === "ACCEPTED" || booking.status === "PENDING");
        const lockedReason = fromApp?.rescheduleLocked ? (fromApp.rescheduleLockedReason ?? `This session is ${fromApp.label} and cannot be moved.`) : null;
        return [booking.id, fromApp ? { key: fromApp.key, label: fromApp.label, tone: fromApp.tone, locked: fromApp.rescheduleLocked || !movable, lockedReason } : { ...base, locked: !movable, lockedReason }];
      }),
    );
  }, [bookings.data, reports, userId]);

  // Draw a booking only once every installed app has had its say about it: never a Completed session
  // shown as Confirmed (and draggable) for the moment between the two responses. Bookings already
  // covered stay drawn while the apps answer about new ones (after a move, on another week).
  // Read when a press starts, so an event element kept across renders says the current reason.
  const lockedReasons = useRef(new Map<number, string>());
  lockedReasons.current = new Map([...displays].flatMap(([id, display]) => (display.locked && display.lockedReason ? [[id, display.lockedReason] as [number, string]] : [])));
  const detachers = useRef(new WeakMap<HTMLElement, () => void>());

  const covered = useMemo(
    () => statusProviders.components.map(({ slug }) => new Set(reports[slug]?.covers ?? [])),
    [statusProviders.components, reports],
  );
  const statusesKnown = (bookingId: number) => apps.isSuccess && !statusProviders.loading && covered.every((ids) => ids.has(bookingId));
  const events: EventInput[] = (bookings.data ?? []).filter((booking) => statusesKnown(booking.id)).map((booking) => {
    const display = displays.get(booking.id)!;
    return {
      id: String(booking.id),
      title: `${booking.attendees.map((a) => a.name).join(", ")} · ${display.label}`,
      start: booking.startTime,
      end: booking.endTime,
      editable: !display.locked,
      classNames: [`event-status-${display.key}`, `tone-${display.tone}`],
      extendedProps: { bookingId: booking.id, statusLabel: display.label },
    };
  });

  // Every status the host knows (Cal.com's) and every one an app has shown here, not only this week's.
  const [seenStatuses, setSeenStatuses] = useState<ReadonlyMap<string, Tone>>(new Map());
  useEffect(() => {
    setSeenStatuses((seen) => {
      const fresh = [...displays.values()].filter((d) => !seen.has(d.label));
      return fresh.length === 0 ? seen : new Map([...seen, ...fresh.map((d): [string, Tone] => [d.label, d.tone])]);
    });
  }, [displays]);
  const legend = [...new Map<string, Tone>([...Object.values(CALCOM_STATUS_DISPLAY).map((d): [string, Tone] => [d.label, d.tone]), ...seenStatuses]).entries()].sort(([a], [b]) => a.localeCompare(b));
  const emptyWeek = bookings.isSuccess && (bookings.data ?? []).length === 0;
  const refresh = () => {
    void utils.viewer.bookings.list.invalidate();
    setRefreshKey((n) => n + 1);
  };

  const onMove = async (change: EventChangeArg) => {
    const { start, end } = change.event;
    if (!start || !end) return change.revert();
    try {
      const moved = await reschedule.mutateAsync({ bookingId: Number(change.event.id), startTime: start, endTime: end });
      setReplacedBy((current) => new Map(current).set(moved.fromBookingId, moved.id));
      showToast("Session rescheduled.", "success");
    } catch (error) {
      change.revert();
      showToast(error instanceof Error ? error.message : "The session could not be moved.", "error");
    } finally {
      refresh();
    }
  };

  const openBooking: CalendarBooking | undefined = bookings.data?.find((booking) => booking.id === openBookingId);
  const openDisplay = openBooking ? displays.get(openBooking.id) : undefined;

  return (
    <div className="calendar-page">
      <ul className="legend" aria-label="Status legend">
        {legend.map(([label, tone]) => (
          <li key={label}>
            <span className={`swatch tone-${tone}`} aria-hidden="true" /> {label}
          </li>
        ))}
      </ul>
      {bookings.error ? <p role="alert" className="error">{bookings.error.message}</p> : null}
      {emptyWeek ? <p className="muted" role="status">No sessions in this range. Use the arrows to see other weeks.</p> : null}
      {statusProviders.components.map(({ slug, Component }) => (
        <Component
          key={slug}
          bookingIds={bookingIds}
          refreshKey={refreshKey}
          onStatuses={callbacks.get(slug)!.onStatuses}
          onError={callbacks.get(slug)!.onError}
        />
      ))}
      <FullCalendar
        plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin, luxonPlugin]}
        initialView="timeGridWeek"
        initialDate={initialDate}
        headerToolbar={{ left: "prev,next today", center: "title", right: "timeGridDay,timeGridWeek,dayGridMonth" }}
        buttonText={{ today: "Today", day: "Day", week: "Week", month: "Month" }}
        timeZone={timeZone}
        firstDay={1}
        nowIndicator
        scrollTime="07:00:00"
        height="auto"
        // One time format everywhere on the calendar: 24-hour, as the app's dialogs and lists show times.
        eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        slotLabelFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        editable
        eventStartEditable
        eventDurationEditable
        events={events}
        datesSet={(arg: DatesSetArg) => setRange((current) => (current && current.from.getTime() === arg.start.getTime() && current.to.getTime() === arg.end.getTime() ? current : { from: arg.start, to: arg.end }))}
        eventClick={(arg: EventClickArg) => setOpenBookingId(replacedBy.get(Number(arg.event.id)) ?? Number(arg.event.id))}
        eventDidMount={(arg) => {
          const bookingId = Number(arg.event.id);
          // A short event cuts its text: the whole of it on hover.
          arg.el.title = arg.event.title;
          detachers.current.set(arg.el, explainLockedDrag(arg.el, () => lockedReasons.current.get(bookingId) ?? null));
        }}
        eventWillUnmount={(arg) => detachers.current.get(arg.el)?.()}
        eventDrop={onMove}
        eventResize={onMove}
      />
      {openBooking && openDisplay ? (
        <BookingDialog
          booking={openBooking}
          statusLabel={openDisplay.label}
          tone={openDisplay.tone}
          appParts={dialogParts.components}
          appPartsLoading={dialogParts.loading}
          timeZone={timeZone}
          onClose={() => setOpenBookingId(null)}
          onSessionChanged={refresh}
        />
      ) : null}
    </div>
  );
}
