"use client";

import type { DatesSetArg, EventChangeArg, EventClickArg, EventContentArg, EventInput } from "@fullcalendar/core";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin from "@fullcalendar/interaction";
import enGbLocale from "@fullcalendar/core/locales/en-gb";
import luxonPlugin from "@fullcalendar/luxon3";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";

import { bookingDialogActionsSlot, calendarStatusesSlot } from "@calcom/app-store/apps.browser.generated";
import type { AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";
import { trpc } from "@calcom/trpc/react";
import type { CalendarBookingStatus, CalendarLegendEntry } from "@calcom/types/AppSlots";
import { Button } from "@calcom/ui/components/button";
import { ConfirmationDialogContent, Dialog } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import { calendarTimeFormat, readsTwelveHours } from "../lib/time-format";
import { useInstallApp } from "../lib/use-apps-changed";
import { BookingDialog, formatRange } from "./BookingDialog";
import { CALCOM_STATUS_DISPLAY, otherOrganizer, TONE_MARKS, type CalendarBooking, type Tone } from "./calendar-types";
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

/** Where the grid opens when the range has no session: the start of a working day. */
const DEFAULT_SCROLL_MINUTES = 8 * 60;
/** How far above the earliest session the grid opens, so it is not flush with the top edge. */
const SCROLL_LEAD_MINUTES = 30;
/** The least height the calendar keeps on a short window (the grid still shows a few hours). */
const MIN_CALENDAR_HEIGHT_PX = 420;

/** The earliest time of day (minutes after midnight, in `timeZone`) at which one of `starts` begins. */
function earliestMinuteOfDay(starts: Date[], timeZone: string): number | null {
  const format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  let earliest: number | null = null;
  for (const start of starts) {
    const parts = format.formatToParts(start);
    const minutes = Number(parts.find((p) => p.type === "hour")?.value ?? 0) * 60 + Number(parts.find((p) => p.type === "minute")?.value ?? 0);
    if (earliest === null || minutes < earliest) earliest = minutes;
  }
  return earliest;
}

// Measured before the first paint in the browser; the server has nothing to measure.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * The calendar's height: from its top to the window's bottom, so the whole grid fits the screen and
 * scrolls inside (with height "auto" it drew 24 hours at full height and the working day fell below
 * the fold). Measured again when the window or what sits above the calendar changes size.
 */
function useFitToWindow(frame: RefObject<HTMLDivElement | null>, above: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(720);
  useIsomorphicLayoutEffect(() => {
    const fit = () => {
      const element = frame.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(MIN_CALENDAR_HEIGHT_PX, Math.floor(window.innerHeight - top - 16)));
    };
    fit();
    const observer = new ResizeObserver(fit);
    if (above.current) observer.observe(above.current);
    window.addEventListener("resize", fit);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", fit);
    };
  }, [frame, above]);
  return height;
}

/**
 * An event's face: the status mark first (a shape in the tone's colour, the legend's own), so a short
 * event whose text is cut still says its status; then the time and the title (whole on hover).
 * The end time is its own span, which a short event hides to leave room for the name.
 */
function EventFace({ arg }: { arg: EventContentArg }) {
  const tone = arg.event.extendedProps.tone as Tone;
  const statusLabel = arg.event.extendedProps.statusLabel as string;
  const [startText, ...rest] = arg.timeText.split(" - ");
  return (
    <div className="fc-event-main-frame">
      <div className="event-head">
        <span className={`status-mark tone-${tone}`} role="img" aria-label={statusLabel}>
          {TONE_MARKS[tone]}
        </span>
        {arg.timeText ? (
          <div className="fc-event-time">
            {startText}
            {rest.length > 0 ? <span className="fc-event-time-end"> - {rest.join(" - ")}</span> : null}
          </div>
        ) : null}
      </div>
      <div className="fc-event-title-container">
        <div className="fc-event-title fc-sticky">{arg.event.title}</div>
      </div>
    </div>
  );
}

/**
 * An app that can show statuses on the calendar but is not installed: its statuses are missing, so
 * say why bookings read as Cal.com has them (a Completed session as Confirmed) and that nothing is lost.
 */
function NotInstalledNote({ slug, name }: { slug: AppStoreSlug; name: string }) {
  const install = useInstallApp(name);
  // Someone who chose not to install the app can put the note away for good (in this browser).
  const dismissedKey = `calendar-note-dismissed:${slug}`;
  const [dismissed, setDismissed] = useState(true);
  useEffect(() => setDismissed(window.localStorage.getItem(dismissedKey) === "1"), [dismissedKey]);
  if (dismissed) return null;
  return (
    <div className="calendar-note mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-subtle bg-cal-muted px-4 py-3 text-sm text-default" role="note" aria-label={`${name} is not installed`}>
      <p className="m-0 min-w-0 flex-1 basis-64">
        <strong className="font-semibold text-emphasis">{name} is not installed</strong>, so bookings show their Cal.com status. What it recorded is kept and shows again once it is installed.
      </p>
      <Button color="secondary" loading={install.isPending} onClick={() => install.mutate({ slug })}>
        Install {name}
      </Button>
      <Button
        color="minimal"
        onClick={() => {
          window.localStorage.setItem(dismissedKey, "1");
          setDismissed(true);
        }}
      >
        Dismiss
      </Button>
      {install.error ? <p role="alert" className="error">{install.error.message}</p> : null}
    </div>
  );
}

/** The host's week: FullCalendar in the host's time zone; drag and resize reschedule through the host's mutation. */
export function CalendarView({
  userId,
  timeZone,
  timeFormat,
  initialDate,
  initialBookingId,
}: {
  userId: number;
  timeZone: string;
  /** Cal.com's user setting: 12 or 24 (null: 12, Cal.com's default). */
  timeFormat: number | null;
  initialDate?: string;
  initialBookingId?: number;
}) {
  // One time format on the calendar, in its dialogs and in the apps' parts: the user's own.
  const hour12 = readsTwelveHours(timeFormat);
  const utils = trpc.useUtils();
  const [range, setRange] = useState<{ from: Date; to: Date } | null>(null);
  const [openBookingId, setOpenBookingId] = useState<number | null>(initialBookingId ?? null);
  // A move makes a new booking (Cal.com's reschedule): a click on the event before the list has
  // caught up opens the booking that replaced it.
  const [replacedBy, setReplacedBy] = useState<ReadonlyMap<number, number>>(new Map());

  const bookings = trpc.viewer.bookings.list.useQuery(range ?? { from: new Date(0), to: new Date(1) }, { enabled: range !== null });
  const apps = trpc.viewer.apps.list.useQuery();
  const installedSlugs = (apps.data ?? []).filter((app) => app.installed).map((app) => app.slug as AppStoreSlug);
  // Apps that would refine the calendar's statuses, were they installed (known only through the registry).
  const missingStatusApps = (apps.data ?? []).filter((app) => !app.installed && calendarStatusesSlot[app.slug as AppStoreSlug]);
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
  // Every status each app says it can show, for the legend.
  const [declared, setDeclared] = useState<Partial<Record<AppStoreSlug, CalendarLegendEntry[]>>>({});
  // Apart from the status callbacks: a legend is declared once, not again on every change of week.
  const legendCallbacks = useMemo(
    () => new Map(installedSlugs.map((slug) => [slug, (entries: CalendarLegendEntry[]) => setDeclared((current) => ({ ...current, [slug]: entries }))])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slugsKey],
  );
  const callbacks = useMemo(
    () =>
      new Map(
        installedSlugs.map((slug) => [
          slug,
          {
            onStatuses: (statuses: CalendarBookingStatus[]) => report(slug, { statuses }),
            onError: (error: string) => report(slug, { error }),
            onLegend: legendCallbacks.get(slug)!,
          },
        ]),
      ),
    // `slugsKey` stands for the slug list's content (a new array each render).
    [slugsKey, report, legendCallbacks],
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
  // (A reason is only ever set on a booking that is locked.)
  const currentDisplays = useRef(displays);
  currentDisplays.current = displays;
  const detachers = useRef(new WeakMap<HTMLElement, () => void>());

  const covered = useMemo(
    () => statusProviders.components.map(({ slug }) => new Set(reports[slug]?.covers ?? [])),
    [statusProviders.components, reports],
  );
  const statusesKnown = (bookingId: number) => apps.isSuccess && !statusProviders.loading && covered.every((ids) => ids.has(bookingId));
  // A drop or a resize only proposes the move: the host confirms it (Cal.com tells the attendees), and
  // anything else puts the session back where it was. While the question is open (and the move under
  // way) the session is drawn where it was dropped: the events are drawn from the bookings on every
  // render, which would otherwise put it back behind the dialog.
  const [proposedMove, setProposedMove] = useState<EventChangeArg | null>(null);
  const events: EventInput[] = (bookings.data ?? []).filter((booking) => statusesKnown(booking.id)).map((booking) => {
    const display = displays.get(booking.id)!;
    const organizer = otherOrganizer(booking, userId);
    const proposed = proposedMove && Number(proposedMove.event.id) === booking.id ? proposedMove.event : null;
    return {
      id: String(booking.id),
      // A team member's session says whose it is (the user's own say nothing more).
      title: `${booking.attendees.map((a) => a.name).join(", ")} · ${display.label}${organizer ? ` · with ${organizer}` : ""}`,
      start: proposed?.start ?? booking.startTime,
      end: proposed?.end ?? booking.endTime,
      editable: !display.locked,
      classNames: [`event-status-${display.key}`, `tone-${display.tone}`],
      extendedProps: { bookingId: booking.id, statusLabel: display.label, tone: display.tone },
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
  const declaredByInstalled = installedSlugs.flatMap((slug) => (declared[slug] ?? []).map((entry): [string, Tone] => [entry.label, entry.tone]));
  const legend = [
    ...new Map<string, Tone>([...Object.values(CALCOM_STATUS_DISPLAY).map((d): [string, Tone] => [d.label, d.tone]), ...declaredByInstalled, ...seenStatuses]).entries(),
  ].sort(([a], [b]) => a.localeCompare(b));
  const emptyWeek = bookings.isSuccess && (bookings.data ?? []).length === 0;

  // Open each range at its earliest session (a little before it), else at 08:00: once per range,
  // when its bookings arrive — never on a refetch (after a move, after the dialog changed a session),
  // and not if the user already scrolled or pressed in the calendar meanwhile.
  const calendarRef = useRef<FullCalendar>(null);
  const rangeKey = range ? `${range.from.getTime()}-${range.to.getTime()}` : null;
  const scrolledFor = useRef<string | null>(null);
  const touchedFor = useRef<string | null>(null);
  const markTouched = () => {
    touchedFor.current = rangeKey;
  };
  useEffect(() => {
    if (rangeKey === null || !bookings.isSuccess || scrolledFor.current === rangeKey) return;
    scrolledFor.current = rangeKey;
    if (touchedFor.current === rangeKey) return;
    const earliest = earliestMinuteOfDay((bookings.data ?? []).map((booking) => new Date(booking.startTime)), timeZone);
    const minutes = earliest === null ? DEFAULT_SCROLL_MINUTES : Math.max(0, Math.floor((earliest - SCROLL_LEAD_MINUTES) / 30) * 30);
    calendarRef.current?.getApi().scrollToTime({ minutes });
  }, [rangeKey, bookings.isSuccess, bookings.data, timeZone]);

  // A week's seven columns do not fit a phone: there the calendar opens on the day.
  useEffect(() => {
    if (window.matchMedia("(max-width: 640px)").matches) calendarRef.current?.getApi().changeView("timeGridDay");
  }, []);

  const headRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const calendarHeight = useFitToWindow(frameRef, headRef);
  const refresh = () => {
    void utils.viewer.bookings.list.invalidate();
    setRefreshKey((n) => n + 1);
  };

  const onMove = (change: EventChangeArg) => {
    if (!change.event.start || !change.event.end) return change.revert();
    setProposedMove(change);
  };
  const confirmMove = async (change: EventChangeArg) => {
    const { start, end } = change.event;
    try {
      const moved = await reschedule.mutateAsync({ bookingId: Number(change.event.id), startTime: start!, endTime: end! });
      setReplacedBy((current) => new Map(current).set(moved.fromBookingId, moved.id));
      showToast("Session rescheduled.", "success");
    } catch (error) {
      showToast(error instanceof Error ? error.message : "The session could not be moved.", "error");
    } finally {
      // Drawn where it was dropped until the bookings say where it is (moved, or back on a refusal).
      setRefreshKey((n) => n + 1);
      await utils.viewer.bookings.list.invalidate();
      setProposedMove(null);
    }
  };
  const cancelMove = () => setProposedMove(null);

  const openBooking: CalendarBooking | undefined = bookings.data?.find((booking) => booking.id === openBookingId);
  // Until every installed app has said what the booking is, the dialog does not guess (a Completed
  // session opened from a link would read Confirmed for a moment, or for good if the app failed).
  const openDisplay = openBooking && statusesKnown(openBooking.id) ? displays.get(openBooking.id) : undefined;

  return (
    <div className="calendar-page">
      <div ref={headRef} className="calendar-head">
        {missingStatusApps.map((app) => (
          <NotInstalledNote key={app.slug} slug={app.slug as AppStoreSlug} name={app.name} />
        ))}
        <ul className="legend" aria-label="Status legend">
          {legend.map(([label, tone]) => (
            <li key={label}>
              <span className={`status-mark tone-${tone}`} aria-hidden="true">
                {TONE_MARKS[tone]}
              </span>
              <span>{label}</span>
            </li>
          ))}
        </ul>
        {bookings.error ? <p role="alert" className="error">{bookings.error.message}</p> : null}
        {emptyWeek ? <p className="muted" role="status">No sessions in this range. Use the arrows to see more.</p> : null}
      </div>
      {statusProviders.components.map(({ slug, Component }) => (
        <Component
          key={slug}
          bookingIds={bookingIds}
          refreshKey={refreshKey}
          onStatuses={callbacks.get(slug)!.onStatuses}
          onError={callbacks.get(slug)!.onError}
          onLegend={callbacks.get(slug)!.onLegend}
        />
      ))}
      <div ref={frameRef} className="calendar-frame" onWheel={markTouched} onTouchStart={markTouched} onPointerDown={markTouched} onKeyDown={markTouched}>
      <FullCalendar
        ref={calendarRef}
        plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin, luxonPlugin]}
        initialView="timeGridWeek"
        initialDate={initialDate}
        headerToolbar={{ left: "prev,next today", center: "title", right: "timeGridDay,timeGridWeek,dayGridMonth" }}
        buttonText={{ today: "Today", day: "Day", week: "Week", month: "Month" }}
        timeZone={timeZone}
        // Dates as the rest of the product writes them ("Mon 23/11", "23 – 29 Nov 2026"), not US order.
        locale={enGbLocale}
        firstDay={1}
        nowIndicator
        // Sessions always have a time: no all-day row (Cal.com's calendar has none either).
        allDaySlot={false}
        // Until the range's bookings arrive (then: its earliest session); the grid scrolls inside its height.
        scrollTime="08:00:00"
        height={calendarHeight}
        // One time format everywhere on the calendar: the user's own, as its dialogs and the app's parts write times.
        eventTimeFormat={calendarTimeFormat(hour12)}
        slotLabelFormat={calendarTimeFormat(hour12)}
        editable
        eventStartEditable
        eventDurationEditable
        events={events}
        eventContent={(arg: EventContentArg) => <EventFace arg={arg} />}
        datesSet={(arg: DatesSetArg) => setRange((current) => (current && current.from.getTime() === arg.start.getTime() && current.to.getTime() === arg.end.getTime() ? current : { from: arg.start, to: arg.end }))}
        eventClick={(arg: EventClickArg) => setOpenBookingId(replacedBy.get(Number(arg.event.id)) ?? Number(arg.event.id))}
        eventDidMount={(arg) => {
          const bookingId = Number(arg.event.id);
          // A short event cuts its text: the whole of it on hover.
          arg.el.title = arg.event.title;
          detachers.current.set(arg.el, explainLockedDrag(arg.el, () => currentDisplays.current.get(bookingId)?.lockedReason ?? null));
        }}
        eventWillUnmount={(arg) => detachers.current.get(arg.el)?.()}
        eventDrop={onMove}
        eventResize={onMove}
      />
      </div>
      {proposedMove ? (
        <Dialog open onOpenChange={(open) => !open && !reschedule.isPending && cancelMove()}>
          <ConfirmationDialogContent
            title={proposedMove.event.end!.getTime() - proposedMove.event.start!.getTime() === proposedMove.oldEvent.end!.getTime() - proposedMove.oldEvent.start!.getTime() ? "Move this session?" : "Change this session's length?"}
            confirmBtnText="Reschedule"
            cancelBtnText="Keep it"
            isPending={reschedule.isPending}
            onConfirm={(event) => {
              // The dialog stays until the move is done: the button shows it is under way.
              event.preventDefault();
              void confirmMove(proposedMove);
            }}
          >
            <p className="m-0">
              From {formatRange(proposedMove.oldEvent.start!, proposedMove.oldEvent.end!, timeZone, hour12)}
              <br />
              to <strong>{formatRange(proposedMove.event.start!, proposedMove.event.end!, timeZone, hour12)}</strong>.
            </p>
            <p className="mb-0">Cal.com reschedules the booking and lets the attendees know.</p>
            {proposedMove.event.start!.getTime() < Date.now() ? (
              // Allowed (a host may put on record when a session really took place), never unsaid.
              <p role="alert" className="mb-0 font-semibold text-attention">
                The new time has already passed: the session will read as having taken place then.
              </p>
            ) : null}
          </ConfirmationDialogContent>
        </Dialog>
      ) : null}
      {openBooking ? (
        <BookingDialog
          booking={openBooking}
          statusLabel={openDisplay?.label ?? null}
          organizerName={otherOrganizer(openBooking, userId)}
          tone={openDisplay?.tone ?? "gray"}
          appParts={dialogParts.components}
          appPartsLoading={dialogParts.loading}
          timeZone={timeZone}
          hour12={hour12}
          onClose={() => setOpenBookingId(null)}
          onSessionChanged={refresh}
        />
      ) : null}
    </div>
  );
}
