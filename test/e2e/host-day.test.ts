import type { Page } from "playwright-core";
import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { screenshot } from "./browser";
import { performSessionAction } from "../../packages/app-store/session-checkout/lib/services/session-actions";
import { checkOutWith, confirmAction, dayIn, openSession as openDialog, pageAs, sessionFor, useServedApp } from "./session-fixtures";

const app = useServedApp();
const { baseUrl, prisma } = app;
const dana = await prisma.user.findUniqueOrThrow({ where: { email: "dana@example.com" } });

const danaSession = (clientName: string, eventTypeSlug = "coaching") => sessionFor(prisma, { hostEmail: "dana@example.com", clientName, eventTypeSlug });
/**
 * For drags and resizes: yesterday at 04:00 UTC (early morning in Paris), where the demo has no
 * session for the mouse to land on, whatever the time of day the test runs.
 */
const quietDanaSession = (clientName: string) => {
  const yesterday = new Date(Date.now() - 86_400_000);
  return sessionFor(prisma, { hostEmail: "dana@example.com", clientName, startTime: new Date(Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate(), 4)) });
};
const pageAsOn = (email: string, date: Date) => pageAs(app.browser, baseUrl, email, { date });

async function openSession(page: Page, clientName: string, title: string) {
  const dialog = await openDialog(page, clientName, title);
  await dialog.getByRole("tab", { name: "Checkout" }).waitFor();
  return dialog;
}

type Box = { x: number; y: number; width: number; height: number };

/** The time grid's scroller: its box on the page and how far it is scrolled. */
function gridScroll(page: Page) {
  return page.locator(".fc-timegrid-body").evaluate((body) => {
    const scroller = body.closest(".fc-scroller")!;
    const { x, y, width, height } = scroller.getBoundingClientRect();
    return { box: { x, y, width, height }, scrollTop: scroller.scrollTop, scrollHeight: scroller.scrollHeight, clientHeight: scroller.clientHeight };
  });
}

/** `inner` lies wholly inside `outer` (half a pixel of rounding allowed). */
const isInside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

/** Drags an event vertically by about two hours' worth of pixels, staying inside the viewport. */
async function dragVertically(page: Page, event: ReturnType<Page["locator"]>) {
  await event.scrollIntoViewIfNeeded();
  const box = (await event.boundingBox())!;
  const viewportHeight = page.viewportSize()!.height;
  const distance = box.y + 140 < viewportHeight - 20 ? 120 : -120;
  await page.mouse.move(box.x + box.width / 2, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 6 + distance, { steps: 12 });
  await page.mouse.up();
}

describe("a host's day in the browser", () => {
  it("checks a session out (Completed, locked in place even when asked directly), then undoes it", async () => {
    const booking = await danaSession("Ella Checkout");
    const page = await pageAsOn("dana@example.com", booking.startTime);
    const event = page.locator(".fc-event", { hasText: "Ella Checkout" });
    expect(await event.textContent()).toContain("Confirmed");
    await screenshot(page, "calendar-week");

    const dialog = await openSession(page, "Ella Checkout", booking.title);
    await checkOutWith(page, dialog.getByRole("button", { name: "Check Out" }));
    // Toasts sit at the bottom of the window, clear of the calendar's Day/Week/Month buttons.
    const toastBox = (await page.locator("[data-sonner-toast]", { hasText: "Session checked out: Completed." }).boundingBox())!;
    expect(toastBox.y).toBeGreaterThan(page.viewportSize()!.height / 2);
    // (by class: the open dialog hides the rest of the page from the accessibility tree)
    for (const view of ["timeGridDay", "timeGridWeek", "dayGridMonth"]) {
      const button = (await page.locator(`.fc-toolbar .fc-${view}-button`).boundingBox())!;
      expect(toastBox.y > button.y + button.height || toastBox.x > button.x + button.width || toastBox.x + toastBox.width < button.x).toBe(true);
    }
    await dialog.locator(".cal-badge", { hasText: "Completed" }).first().waitFor();
    // Checked out, Undo is offered, and no refusal reason reads like an error beneath it.
    await dialog.getByRole("button", { name: "Undo Checkout" }).waitFor();
    expect(await dialog.getByText("Only confirmed sessions can be checked out.", { exact: false }).count()).toBe(0);
    await screenshot(page, "dialog-completed");
    expect(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id } })).toMatchObject({ state: "ACTIVE", method: "MANUAL", checkedOutById: dana.id });

    // Esc closes the dialog; the calendar shows the new status without a reload.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await page.locator(".fc-event", { hasText: "Ella Checkout · Completed" }).waitFor();

    // A drag of the Completed session leaves its time unchanged, and says why.
    await dragVertically(page, event);
    await page.getByText("This session is Completed and can no longer be rescheduled. Undo the checkout first.").first().waitFor();
    await page.waitForTimeout(1_000);
    const afterDrag = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(afterDrag.startTime).toEqual(booking.startTime);
    await screenshot(page, "calendar-completed");

    // The server refuses even when asked directly, with the signed-in session's cookie.
    const moved = { bookingId: booking.id, startTime: new Date(booking.startTime.getTime() + 3_600_000), endTime: new Date(booking.endTime.getTime() + 3_600_000) };
    const response = await page.request.post(`${baseUrl}/api/trpc/viewer.bookings.reschedule`, { data: superjson.serialize(moved) });
    expect(response.status()).toBe(412);
    expect(await response.text()).toContain("This session is Completed and can no longer be rescheduled");
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).startTime).toEqual(booking.startTime);

    const again = await openSession(page, "Ella Checkout", booking.title);
    await again.getByRole("button", { name: "Undo Checkout" }).click();
    // The confirmation says what becomes of the surveys: a sent one stays sent, one not sent yet is withdrawn for good.
    const undoText = await page.getByRole("dialog", { name: "Undo checkout?" }).textContent();
    expect(undoText).toContain("A survey email already sent cannot be recalled.");
    expect(undoText).toContain("A survey not sent yet is withdrawn, and checking the session out again will not send it.");
    await screenshot(page, "dialog-undo-confirm");
    await confirmAction(page, "Undo checkout?", "Undo Checkout");
    await page.getByText("Checkout undone: Confirmed.").waitFor();
    await again.getByRole("button", { name: "Check Out" }).waitFor();
    expect(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id } })).toMatchObject({ state: "UNDONE", undoneById: dana.id });

    // The History tab shows both changes, newest first, with who did them (and, Dana sending surveys,
    // the survey the checkout sent, if it went out before the undo: a sent survey stays sent).
    await again.getByRole("tab", { name: "History" }).click();
    const history = again.getByRole("list", { name: "History" });
    await history.waitFor();
    const lines = (await history.getByRole("listitem").allTextContents()).map((line) => line.split(" · ")[0]);
    expect(lines.filter((line) => line !== "Survey sent by System")).toEqual(["Checkout undone by Dana Reyes", "Checked out by Dana Reyes"]);
    await page.context().close();
  });

  it("moves a Confirmed session by dragging it", async () => {
    const booking = await quietDanaSession("Milo Mover");
    const page = await pageAsOn("dana@example.com", booking.startTime);
    // A drop only proposes the move: keeping it puts the session back, untouched.
    const milo = page.locator(".fc-event", { hasText: "Milo Mover" });
    const timeBefore = await milo.locator(".fc-event-time").textContent();
    await dragVertically(page, milo);
    const proposal = page.getByRole("dialog", { name: "Move this session?" });
    await proposal.waitFor();
    // A time that has passed may be put on record, but never unsaid (this session was yesterday).
    await proposal.getByRole("alert").filter({ hasText: "The new time has already passed" }).waitFor();
    // Behind the question the session stays where it was dropped, as the question says.
    expect(await milo.locator(".fc-event-time").textContent()).not.toBe(timeBefore);
    expect(await proposal.innerText()).toMatch(/From \w+day, .*\sto \w+day, .*Cal\.com reschedules the booking and lets the attendees know\./s);
    await screenshot(page, "calendar-move-confirmation");
    await proposal.getByRole("button", { name: "Keep it" }).click();
    await proposal.waitFor({ state: "detached" });
    await expect.poll(() => milo.locator(".fc-event-time").textContent()).toBe(timeBefore);
    expect(await prisma.booking.count({ where: { fromReschedule: booking.uid } })).toBe(0);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: "ACCEPTED", startTime: booking.startTime });
    // Back at its own time on the calendar, it can be dragged again; this time the host confirms.
    await dragVertically(page, page.locator(".fc-event", { hasText: "Milo Mover" }));
    await page.getByRole("dialog", { name: "Move this session?" }).getByRole("button", { name: "Reschedule" }).click();
    await page.getByText("Session rescheduled.").waitFor();
    // As Cal.com reschedules: a new booking at the new time, the old one cancelled as rescheduled.
    const moved = await prisma.booking.findFirstOrThrow({ where: { fromReschedule: booking.uid } });
    expect(moved.startTime.getTime()).not.toBe(booking.startTime.getTime());
    expect(moved.endTime.getTime() - moved.startTime.getTime()).toBe(60 * 60_000);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: "CANCELLED", rescheduled: true });
    // The calendar shows the session once, at its new time (the replaced booking is gone from it).
    await expect.poll(() => page.locator(".fc-event", { hasText: "Milo Mover" }).count(), { timeout: 10_000 }).toBe(1);
    // Its History says it was moved, and from when — not that nothing has happened to it.
    const dialog = await openSession(page, "Milo Mover", booking.title);
    await dialog.getByRole("tab", { name: "History" }).click();
    const history = dialog.getByRole("list", { name: "History" });
    await history.getByText("Rescheduled").waitFor();
    // From when, to when, and when it was done.
    expect(await history.textContent()).toMatch(/Rescheduled from \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} to \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} · on \w{3}, /);
    expect(await dialog.getByText("Nothing has happened to this session yet").count()).toBe(0);
    await page.context().close();
  });

  it("resizes a Confirmed session; a Completed one has no resize handle", async () => {
    const booking = await quietDanaSession("Rosa Resize");
    const page = await pageAsOn("dana@example.com", booking.startTime);
    const event = page.locator(".fc-event", { hasText: "Rosa Resize" });
    // Centred, so there is room below to pull the end handle down.
    await event.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await event.hover();
    const handle = event.locator(".fc-event-resizer-end");
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 90, { steps: 10 });
    await page.mouse.up();
    await page.getByRole("dialog", { name: "Change this session's length?" }).getByRole("button", { name: "Reschedule" }).click();
    await page.getByText("Session rescheduled.").waitFor();
    const resized = await prisma.booking.findFirstOrThrow({ where: { fromReschedule: booking.uid } });
    expect(resized.startTime).toEqual(booking.startTime);
    expect(resized.endTime.getTime()).toBeGreaterThan(booking.endTime.getTime());

    const dialog = await openSession(page, "Rosa Resize", booking.title);
    await checkOutWith(page, dialog.getByRole("button", { name: "Check Out" }));
    await page.keyboard.press("Escape");
    const completed = page.locator(".fc-event", { hasText: "Rosa Resize · Completed" });
    await completed.waitFor();
    expect(await completed.getAttribute("class")).not.toContain("fc-event-resizable");
    expect(await completed.locator(".fc-event-resizer-end").count()).toBe(0);
    await page.context().close();
  });

  it("marks a no-show; Check Out is then not offered, and the dialog says why", async () => {
    const booking = await danaSession("Nora Absent");
    const page = await pageAsOn("dana@example.com", booking.startTime);
    const dialog = await openSession(page, "Nora Absent", booking.title);
    await dialog.getByRole("button", { name: "Mark No-Show" }).click();
    await confirmAction(page, "Mark as No Show?", "Mark No-Show");
    await page.getByText("Marked as No Show.").waitFor();
    await dialog.locator(".cal-badge", { hasText: "No Show" }).first().waitFor();
    await dialog.getByRole("button", { name: "Clear No-Show" }).waitFor();
    expect(await dialog.getByRole("button", { name: "Check Out" }).count()).toBe(0);
    // Beside the one action it offers, it says why Check Out is not one of them.
    await dialog.getByText("Only confirmed sessions can be checked out. This session is No Show.").waitFor();
    // The status is said once in the dialog: the booking's own, as the app reports it.
    expect(await dialog.getByText("No Show", { exact: true }).count()).toBe(1);
    expect((await prisma.attendee.findFirstOrThrow({ where: { bookingId: booking.id } })).noShow).toBe(true);
    await page.context().close();
  });

  it("keeps notes private: add, edit, delete, and another host never sees them", async () => {
    const booking = await danaSession("Theo Team", "group-workshop");
    const page = await pageAsOn("dana@example.com", booking.startTime);
    const dialog = await openSession(page, "Theo Team", booking.title);
    await dialog.getByRole("tab", { name: "Notes" }).click();
    const newNote = dialog.getByLabel("New private note (only you can see it)");
    await newNote.fill("Bring the worksheet <b>not bold</b>");
    await dialog.getByRole("button", { name: "Add note" }).click();
    await dialog.getByText("Bring the worksheet <b>not bold</b>").waitFor();
    await dialog.getByRole("button", { name: "Edit" }).click();
    await dialog.getByLabel("Edit note").fill("Bring the revised worksheet");
    await dialog.getByRole("button", { name: "Save note" }).click();
    await dialog.getByText("Bring the revised worksheet").waitFor();
    // Deleting asks first; Cancel keeps the note, the confirmation deletes it.
    await dialog.getByRole("button", { name: "Delete note" }).click();
    const confirmDelete = page.getByRole("dialog", { name: "Delete this note?" });
    await confirmDelete.getByRole("button", { name: "Cancel" }).click();
    await confirmDelete.waitFor({ state: "detached" });
    expect(await dialog.getByText("Bring the revised worksheet").count()).toBe(1);
    await dialog.getByRole("button", { name: "Delete note" }).click();
    await confirmAction(page, "Delete this note?", "Delete note");
    await dialog.getByText("No notes yet.").waitFor();
    await newNote.fill("Dana only: prefers mornings");
    await dialog.getByRole("button", { name: "Add note" }).click();
    await dialog.getByText("Dana only: prefers mornings").waitFor();
    await screenshot(page, "dialog-notes");
    await page.context().close();

    // Alex, admin of the team, can open the team's session but sees none of Dana's notes.
    const alexPage = await pageAsOn("alex@example.com", booking.startTime);
    const alexDialog = await openSession(alexPage, "Theo Team", booking.title);
    await alexDialog.getByRole("tab", { name: "Notes" }).click();
    await alexDialog.getByText("No notes yet.").waitFor();
    expect(await alexDialog.getByText("Dana only: prefers mornings").count()).toBe(0);
    expect(await prisma.app_SessionCheckout_Note.count({ where: { bookingId: booking.id, authorId: dana.id } })).toBe(1);
    await alexPage.context().close();
  });

  it("sees each client's survey in the dialog, resends a failed one, and finds the client's rating in their history", async () => {
    const booking = await danaSession("Faye Survey");
    // Checked out earlier; delivery gave up on its survey.
    await prisma.app_SessionCheckout_Checkout.create({ data: { bookingId: booking.id, state: "ACTIVE", method: "MANUAL", checkedOutAt: new Date(), checkedOutById: dana.id } });
    await prisma.app_SessionCheckout_Survey.create({ data: { bookingId: booking.id, attendeeEmail: "faye@e2e.example", attendeeName: "Faye Survey", status: "FAILED", attempts: 5, lastError: "451 Try again later" } });
    // A week before, the same client answered: 4 stars and a comment that must stay text.
    const earlier = await danaSession("Faye Survey");
    const weekMs = 7 * 24 * 3_600_000;
    await prisma.booking.update({ where: { id: earlier.id }, data: { startTime: new Date(earlier.startTime.getTime() - weekMs), endTime: new Date(earlier.endTime.getTime() - weekMs) } });
    await prisma.app_SessionCheckout_Checkout.create({ data: { bookingId: earlier.id, state: "ACTIVE", method: "MANUAL", checkedOutAt: new Date(), checkedOutById: dana.id } });
    await prisma.app_SessionCheckout_Survey.create({
      data: { bookingId: earlier.id, attendeeEmail: "faye@e2e.example", attendeeName: "Faye Survey", status: "ANSWERED", attempts: 1, sentAt: new Date(), answeredAt: new Date(), rating: 4, comment: "<b>Great</b> session" },
    });

    const page = await pageAsOn("dana@example.com", booking.startTime);
    const dialog = await openSession(page, "Faye Survey", booking.title);
    const surveys = dialog.getByRole("list", { name: "Satisfaction surveys" });
    await surveys.getByText("Failed after 5 attempts: 451 Try again later").waitFor();
    await screenshot(page, "dialog-survey-failed");
    await surveys.getByRole("button", { name: "Resend the survey to Faye Survey" }).click();
    await page.getByText("Survey to Faye Survey queued again: it goes out within a minute.").waitFor();
    // The dialog refreshes: no longer failed (queued, or already sent if this server has a mail server).
    await surveys.getByRole("button", { name: /Resend/ }).waitFor({ state: "detached" });
    expect(await surveys.textContent()).toMatch(/Queued — sends within a minute|Sent /);
    await screenshot(page, "dialog-survey-resent");
    expect(await prisma.app_SessionCheckout_AuditEntry.findFirst({ where: { bookingId: booking.id, action: "SURVEY_RESENT" } })).toMatchObject({ actorUserId: dana.id, source: "MANUAL" });
    await dialog.getByRole("tab", { name: "History" }).click();
    await dialog.getByRole("list", { name: "History" }).getByText("Survey resent by Dana Reyes").waitFor();

    await page.goto(`${baseUrl}/apps/session-checkout/clients/faye%40e2e.example`);
    await page.getByRole("heading", { name: "Session history: Faye Survey" }).waitFor();
    expect(await page.locator(".sc-totals div", { hasText: "Average rating" }).locator("dd").textContent()).toBe("4/5 over 1 answer");
    const rated = page.getByRole("row", { name: /4\/5/ });
    expect(await rated.textContent()).toContain("★★★★☆ 4/5");
    // The client's comment is shown as they wrote it, never as HTML.
    await rated.getByText("<b>Great</b> session").waitFor();
    expect(await page.locator(".sc-table b").count()).toBe(0);
    await screenshot(page, "client-history-ratings");
    await page.context().close();
  });

  it("a group session one client missed: that client's history says No Show, the other's Completed, and History names who was absent", async () => {
    const booking = await danaSession("Gus Group");
    await prisma.attendee.create({ data: { bookingId: booking.id, name: "Greta Group", email: "greta@e2e.example", timeZone: "Europe/Paris" } });
    // Greta did not come; the session happened for Gus and was checked out (the app's own actions).
    await performSessionAction(prisma, { bookingId: booking.id, action: "markNoShow", attendeeEmails: ["greta@e2e.example"], actor: { kind: "user", userId: dana.id } });
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: dana.id } });

    const page = await pageAsOn("dana@example.com", booking.startTime);
    await page.goto(`${baseUrl}/apps/session-checkout/clients/greta%40e2e.example`);
    await page.getByRole("heading", { name: "Session history: Greta Group" }).waitFor();
    expect(await page.getByRole("row", { name: new RegExp(booking.title.split(" between ")[0]!) }).first().textContent()).toContain("No Show");
    expect(await page.locator(".sc-totals div", { hasText: "No-shows" }).locator("dd").textContent()).toBe("1");
    await page.goto(`${baseUrl}/apps/session-checkout/clients/gus%40e2e.example`);
    await page.getByRole("heading", { name: "Session history: Gus Group" }).waitFor();
    expect(await page.getByRole("row", { name: new RegExp(booking.title.split(" between ")[0]!) }).first().textContent()).toContain("Completed");
    expect(await page.locator(".sc-totals div", { hasText: "No-shows" }).locator("dd").textContent()).toBe("0");

    await page.goto(`${baseUrl}/calendar?date=${dayIn(booking.startTime, "Europe/Paris")}`);
    const dialog = await openSession(page, "Gus Group", booking.title);
    await dialog.getByRole("tab", { name: "History" }).click();
    await dialog.getByRole("list", { name: "History" }).getByText("(Greta Group)").waitFor();
    await page.context().close();
  });

  it("in a group, Mark No-Show ticks nobody: the host picks who was absent, and only they are marked", async () => {
    const booking = await danaSession("Ivo Group");
    await prisma.attendee.create({ data: { bookingId: booking.id, name: "Ines Group", email: "ines@e2e.example", timeZone: "Europe/Paris" } });
    const page = await pageAsOn("dana@example.com", booking.startTime);
    const dialog = await openSession(page, "Ivo Group", booking.title);
    await dialog.getByRole("button", { name: "Mark No-Show" }).click();
    const confirm = page.getByRole("dialog", { name: "Mark as No Show?" });
    const boxes = confirm.getByRole("checkbox");
    expect(await boxes.count()).toBe(2);
    expect(await boxes.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).checked))).toEqual([false, false]);
    expect(await confirm.getByRole("button", { name: "Mark No-Show" }).isDisabled()).toBe(true);
    // The picker is a group with its legend, its rows inset from its border and apart from each other.
    const picker = confirm.getByRole("group", { name: "Attendees" });
    const pickerBox = (await picker.boundingBox())!;
    const rows = await picker.locator("label").evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().toJSON() as { x: number; y: number; height: number }));
    const firstBox = (await boxes.first().boundingBox())!;
    expect(firstBox.x - pickerBox.x).toBeGreaterThanOrEqual(12);
    expect(pickerBox.y + pickerBox.height - (rows[1]!.y + rows[1]!.height)).toBeGreaterThanOrEqual(8);
    expect(rows[1]!.y - (rows[0]!.y + rows[0]!.height)).toBeGreaterThanOrEqual(6);
    const legend = picker.locator("legend");
    expect(await legend.evaluate((element) => getComputedStyle(element).fontWeight)).toBe("600");
    // Inside the box, as its heading, not cut into the border.
    expect((await legend.boundingBox())!.y - pickerBox.y).toBeGreaterThanOrEqual(8);
    await screenshot(page, "dialog-no-show-picker");
    await confirm.getByRole("checkbox", { name: "Ines Group" }).check();
    await confirm.getByRole("button", { name: "Mark No-Show" }).click();
    // In a group the toast names who was marked: the session itself stays Confirmed.
    await page.getByText("Marked Ines Group as No Show.").waitFor();
    // The app's list names each client with a link to their history, and who was absent.
    const clients = dialog.getByRole("list", { name: "Client history" });
    await clients.getByText("No Show").waitFor();
    expect(await clients.getByRole("listitem").allTextContents()).toEqual(["Ivo Group", "Ines Group · No Show"]);
    expect(await clients.getByRole("link", { name: "Ines Group" }).getAttribute("href")).toBe("/apps/session-checkout/clients/ines%40e2e.example");
    const attendees = await prisma.attendee.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } });
    expect(attendees.map((a) => [a.name, a.noShow])).toEqual([
      ["Ivo Group", false],
      ["Ines Group", true],
    ]);
    await page.context().close();
  });

  it("a team admin's calendar says whose a team member's session is, on the event and in its dialog; the host's own say nothing more", async () => {
    // The demo: Alex administers Harbor Wellness Studio, whose Group Workshops Dana hosts.
    const workshop = await prisma.booking.findUniqueOrThrow({ where: { uid: "demo-workshop-3" }, include: { attendees: { orderBy: { id: "asc" } } } });
    const names = workshop.attendees.map((attendee) => attendee.name).join(", ");
    const page = await pageAs(app.browser, baseUrl, "alex@example.com", { date: workshop.startTime, timeZone: "Europe/London" });
    const event = page.locator(".fc-event", { hasText: names });
    await event.waitFor();
    const escaped = names.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(await event.locator(".fc-event-title").textContent()).toMatch(new RegExp(`^${escaped} · [A-Za-z ]+ · with Dana Reyes$`));
    await screenshot(page, "calendar-team-admin");
    await event.click({ position: { x: 4, y: 4 } });
    const dialog = page.getByRole("dialog", { name: workshop.title });
    await dialog.getByRole("tab", { name: "Checkout" }).waitFor();
    expect(await dialog.locator(".booking-facts dt", { hasText: "Host" }).locator("xpath=following-sibling::dd[1]").textContent()).toBe("Dana Reyes");
    await screenshot(page, "dialog-team-admin");
    await page.context().close();

    // Dana's own calendar: the same session, no "with" and no Host line.
    const own = await pageAsOn("dana@example.com", workshop.startTime);
    const ownEvent = own.locator(".fc-event", { hasText: names });
    await ownEvent.waitFor();
    expect(await ownEvent.locator(".fc-event-title").textContent()).not.toContain("with ");
    await ownEvent.click({ position: { x: 4, y: 4 } });
    const ownDialog = own.getByRole("dialog", { name: workshop.title });
    await ownDialog.getByRole("tab", { name: "Checkout" }).waitFor();
    expect(await ownDialog.locator(".booking-facts dt", { hasText: "Host" }).count()).toBe(0);
    await own.context().close();
  });

  it("a session that fails to load says why and offers Retry; a failed refresh keeps the panel", async () => {
    const booking = await danaSession("Rhea Retry");
    const page = await pageAsOn("dana@example.com", booking.startTime);
    let failing = true;
    await page.route(/appSessionCheckout\.getSession(?:[,?]|$)/, (route) => (failing ? route.abort("connectionfailed") : route.continue()));
    const dialog = await openDialog(page, "Rhea Retry", booking.title);
    const problem = dialog.getByRole("alert").filter({ hasText: "Could not reach the server" });
    await problem.waitFor();
    failing = false;
    await problem.getByRole("button", { name: "Retry" }).click();
    await dialog.getByRole("tab", { name: "Checkout" }).waitFor();
    expect(await problem.count()).toBe(0);

    // The check-out goes through; the refresh after it fails: what was shown stays, with the problem and Retry.
    failing = true;
    await dialog.getByRole("button", { name: "Check Out" }).click();
    await confirmAction(page, "Check out this session?", "Check Out");
    await problem.waitFor();
    expect(await dialog.getByRole("tab", { name: "Checkout" }).count()).toBe(1);
    failing = false;
    await problem.getByRole("button", { name: "Retry" }).click();
    await dialog.locator(".booking-facts .cal-badge", { hasText: "Completed" }).waitFor();
    await page.context().close();
  });

  it("the calendar: a legend of every status as dots, one 24-hour time format, whole titles on hover, and an empty week says so", async () => {
    const booking = await danaSession("Lea Legend");
    const page = await pageAsOn("dana@example.com", booking.startTime);
    const event = page.locator(".fc-event", { hasText: "Lea Legend" });
    await event.waitFor();
    const legend = page.getByRole("list", { name: "Status legend" });
    for (const label of ["Cancelled", "Confirmed", "Pending"]) await legend.getByText(label, { exact: true }).waitFor();
    expect(await event.getAttribute("title")).toBe(await event.locator(".fc-event-title").textContent());
    // Times: 24-hour on the axis and on the events alike.
    expect(await page.locator(".fc-timegrid-slot-label-cushion").first().textContent()).toBe("00:00");
    expect(await event.locator(".fc-event-time").textContent()).toMatch(/^\d{2}:\d{2} - \d{2}:\d{2}$/);
    await page.goto(`${baseUrl}/calendar?date=2031-03-03`);
    await page.getByRole("status").filter({ hasText: "No sessions in this range." }).waitFor();
    // The app's statuses are in the legend up front, with no session of theirs on screen.
    for (const label of ["Completed", "No Show"]) await legend.getByText(label, { exact: true }).waitFor();
    expect(await page.locator(".fc-event").count()).toBe(0);
    await page.context().close();
  });

  it("a host who reads 12-hour times (Cal.com's setting) gets them everywhere: the calendar, its dialog and the app's panel", async () => {
    // Sam reads 12-hour times in the demo; Dana 24-hour (the test above).
    const booking = await sessionFor(prisma, { hostEmail: "sam@example.com", clientName: "Hana Hours", eventTypeSlug: "tutoring" });
    const page = await pageAs(app.browser, baseUrl, "sam@example.com", { date: booking.startTime, timeZone: "America/New_York" });
    const event = page.locator(".fc-event", { hasText: "Hana Hours" });
    await event.waitFor();
    expect(await event.locator(".fc-event-time").textContent()).toMatch(/^\d{1,2}(:\d{2})?\s?[ap]m?\b/i);
    expect(await page.locator(".fc-timegrid-slot-label-cushion").first().textContent()).toMatch(/^12(:00)?\s?am?$/i);
    const dialog = await openSession(page, "Hana Hours", booking.title);
    const description = await page.getByRole("dialog", { name: booking.title }).locator(".cal-dialog-description").first().textContent();
    expect(description).toMatch(/\d{1,2}:\d{2}[ap]m–\d{1,2}:\d{2}[ap]m \(America\/New_York\)/);
    await dialog.getByRole("button", { name: "Check Out" }).click();
    await confirmAction(page, "Check out this session?", "Check Out");
    await dialog.getByText(/^Checked out \w{3}, \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2}[ap]m$/).waitFor();
    await dialog.getByRole("tab", { name: "History" }).click();
    expect(await dialog.getByRole("list", { name: "History" }).locator("time").first().textContent()).toMatch(/\d{1,2}:\d{2}[ap]m$/);
    // The calendar writes them the same way ("10:28am - 11:13am").
    expect(await event.locator(".fc-event-time").textContent()).toMatch(/^\d{1,2}:\d{2}[ap]m/);
    await screenshot(page, "dialog-12-hour");
    await page.context().close();
  });

  it("the calendar opens at the range's earliest session (else 08:00) inside a grid that fits the window, and a refresh leaves the scroll where the host put it", async () => {
    // A 30-minute session in the small hours: the earliest of its week, far above a default 08:00.
    const yesterday = new Date(Date.now() - 86_400_000);
    const booking = await sessionFor(prisma, { hostEmail: "dana@example.com", clientName: "Ada Early", eventTypeSlug: "intro", startTime: new Date(Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate(), 2)) });
    const page = await pageAsOn("dana@example.com", booking.startTime);
    const event = page.locator(".fc-event", { hasText: "Ada Early" });
    await event.waitFor();
    // The grid is bounded by the window and scrolls inside it.
    const grid = await gridScroll(page);
    expect(grid.scrollHeight).toBeGreaterThan(grid.clientHeight);
    expect(grid.box.y + grid.box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    // Opened at the session without anyone scrolling: it is inside the grid's visible part.
    await expect.poll(async () => isInside((await event.boundingBox())!, (await gridScroll(page)).box), { timeout: 5_000 }).toBe(true);

    // A short session says its status without a hover: the mark sits whole inside the event.
    expect(await event.getAttribute("class")).toContain("fc-timegrid-event-short");
    const mark = event.getByRole("img", { name: "Confirmed" });
    expect(isInside((await mark.boundingBox())!, (await event.boundingBox())!)).toBe(true);
    expect(await mark.textContent()).toBe("•");

    // The host scrolls up a little as a person does (the session stays in sight); a refresh (the
    // dialog checked the session out) leaves the grid where they put it.
    const box = (await event.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await gridScroll(page)).scrollTop).toBeLessThan(grid.scrollTop - 50);
    expect(isInside((await event.boundingBox())!, (await gridScroll(page)).box)).toBe(true);
    const scrolledTo = (await gridScroll(page)).scrollTop;
    const dialog = await openSession(page, "Ada Early", booking.title);
    await checkOutWith(page, dialog.getByRole("button", { name: "Check Out" }));
    await page.keyboard.press("Escape");
    const completed = page.locator(".fc-event", { hasText: "Ada Early · Completed" });
    await completed.waitFor();
    await completed.getByRole("img", { name: "Completed" }).waitFor();
    expect((await gridScroll(page)).scrollTop).toBe(scrolledTo);
    await screenshot(page, "calendar-short-completed");

    // In month view the mark leads the event's line too.
    await page.getByRole("button", { name: "Month" }).click();
    const inMonth = page.locator(".fc-daygrid-event", { hasText: "Ada Early" });
    const monthMark = inMonth.getByRole("img", { name: "Completed" });
    expect(isInside((await monthMark.boundingBox())!, (await inMonth.boundingBox())!)).toBe(true);
    await screenshot(page, "calendar-month");

    // A range without sessions opens at 08:00.
    await page.goto(`${baseUrl}/calendar?date=2031-03-03`);
    await page.getByRole("status").filter({ hasText: "No sessions in this range." }).waitFor();
    const eight = page.locator('td.fc-timegrid-slot-lane[data-time="08:00:00"]');
    await expect.poll(async () => Math.abs((await eight.boundingBox())!.y - (await gridScroll(page)).box.y), { timeout: 5_000 }).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it("while the app is uninstalled the calendar says why a Completed session reads Confirmed; installing it from there brings Completed back", async () => {
    // Morgan has not installed the app in the demo: installs it, has a session checked out, uninstalls it.
    const booking = await sessionFor(prisma, { hostEmail: "morgan@example.com", clientName: "Cora Kept" });
    const page = await pageAs(app.browser, baseUrl, "morgan@example.com", { date: booking.startTime, timeZone: "Europe/London" });
    const post = (procedure: string, input: unknown) => page.request.post(`${baseUrl}/api/trpc/${procedure}`, { data: superjson.serialize(input) });
    expect((await post("viewer.apps.install", { slug: "session-checkout" })).status()).toBe(200);
    const morgan = await prisma.user.findUniqueOrThrow({ where: { email: "morgan@example.com" } });
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: morgan.id } });
    expect((await post("viewer.apps.uninstall", { slug: "session-checkout" })).status()).toBe(200);

    await page.reload();
    const note = page.getByRole("note", { name: "Session Checkout is not installed" });
    await note.waitFor();
    expect(await note.textContent()).toContain("so bookings show their Cal.com status. What it recorded is kept and shows again once it is installed.");
    await page.locator(".fc-event", { hasText: "Cora Kept · Confirmed" }).waitFor();
    await screenshot(page, "calendar-app-uninstalled");

    await note.getByRole("button", { name: "Install Session Checkout" }).click();
    await page.locator(".fc-event", { hasText: "Cora Kept · Completed" }).waitFor();
    await note.waitFor({ state: "detached" });
    // The app's statuses are in the legend from the start, before any is on screen elsewhere.
    await page.getByRole("list", { name: "Status legend" }).getByText("No Show", { exact: true }).waitFor();
    // Left as the demo has it; a host who does not want the app puts the note away, for good.
    expect((await post("viewer.apps.uninstall", { slug: "session-checkout" })).status()).toBe(200);
    await page.reload();
    await note.getByRole("button", { name: "Dismiss" }).click();
    await note.waitFor({ state: "detached" });
    await page.reload();
    await page.locator(".fc-event", { hasText: "Cora Kept · Confirmed" }).waitFor();
    expect(await note.count()).toBe(0);
    await page.context().close();
  });

  it("a session opened from a link never reads Confirmed while the app has not yet said it is Completed", async () => {
    const booking = await danaSession("Lino Link");
    await performSessionAction(prisma, { bookingId: booking.id, action: "checkout", actor: { kind: "user", userId: dana.id } });
    const page = await pageAsOn("dana@example.com", booking.startTime);
    // The app's answer held back: the dialog must wait for it, not show Cal.com's status meanwhile.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/appSessionCheckout\.sessionStatuses/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl}/booking/${booking.uid}`);
    const dialog = page.getByRole("dialog", { name: booking.title });
    await dialog.getByText("Loading…").first().waitFor();
    expect(await dialog.locator(".booking-facts .cal-badge").count()).toBe(0);
    release();
    await dialog.locator(".booking-facts .cal-badge", { hasText: "Completed" }).waitFor();
    await page.context().close();
  });

  it("signed-out visitors are sent to sign in, and the API answers UNAUTHORIZED", async () => {
    const page = await (await app.browser.newContext()).newPage();
    await page.goto(`${baseUrl}/calendar`);
    await page.waitForURL((url) => url.pathname === "/auth/signin" && url.searchParams.get("callbackUrl") === "/calendar");
    const response = await page.request.get(`${baseUrl}/api/trpc/viewer.appSessionCheckout.getSettings`);
    expect(response.status()).toBe(401);
    await page.context().close();
  });
});
