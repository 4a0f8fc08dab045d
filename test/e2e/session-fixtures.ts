import { randomUUID } from "node:crypto";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

import { createPrismaClient, type PrismaClient } from "@calcom/prisma";
import type { BookingStatus } from "@calcom/prisma/enums";

import { launchChromium, signIn } from "./browser";

/** For a test file: the served app's URL, a client of its database, and one Chromium for the file. */
export function useServedApp() {
  const served = { baseUrl: inject("baseUrl"), prisma: createPrismaClient({ databaseUrl: inject("databaseUrl") }), browser: undefined as unknown as Browser };
  beforeAll(async () => {
    served.browser = await launchChromium();
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.prisma.$disconnect();
  });
  return served;
}

/** A session for `hostEmail` that started 70 minutes ago (so it can be checked out), with one client. */
export async function sessionFor(
  prisma: PrismaClient,
  { hostEmail, clientName, eventTypeSlug = "coaching", status = "ACCEPTED", startTime = new Date(Date.now() - 70 * 60_000) }: { hostEmail: string; clientName: string; eventTypeSlug?: string; status?: BookingStatus; startTime?: Date },
) {
  const host = await prisma.user.findUniqueOrThrow({ where: { email: hostEmail } });
  const eventType = await prisma.eventType.findFirstOrThrow({ where: { slug: eventTypeSlug } });
  return prisma.booking.create({
    data: {
      uid: randomUUID(),
      title: `${eventType.title} between ${host.name} and ${clientName}`,
      userId: host.id,
      eventTypeId: eventType.id,
      startTime,
      endTime: new Date(startTime.getTime() + eventType.length * 60_000),
      status,
      attendees: { create: [{ name: clientName, email: `${clientName.split(" ")[0]!.toLowerCase()}@e2e.example`, timeZone: "Europe/Paris" }] },
    },
  });
}

export const dayIn = (date: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);

/** A fresh browser context signed in as `email`, on `path` (default: the calendar on `date`'s week). */
export async function pageAs(browser: Browser, baseUrl: string, email: string, { date, timeZone = "Europe/Paris", path }: { date?: Date; timeZone?: string; path?: string } = {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(page, baseUrl, email, path ?? `/calendar${date ? `?date=${dayIn(date, timeZone)}` : ""}`);
  return page;
}

/** Opens a session's dialog from the calendar and returns it. */
export async function openSession(page: Page, clientName: string, title: string) {
  // At its top-left corner, as a person clicks an event that others overlap: the calendar insets
  // overlapping events from the right and below, so the corner is always the event's own.
  await page.locator(".fc-event", { hasText: clientName }).first().click({ position: { x: 4, y: 4 } });
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor();
  return dialog;
}

export async function confirmAction(page: Page, dialogTitle: string, button: string) {
  await page.getByRole("dialog", { name: dialogTitle }).getByRole("button", { name: button }).click();
}

/** Checks a session out as a host does: its Check Out button (`trigger`), the confirmation, then the toast. */
export async function checkOutWith(page: Page, trigger: Locator) {
  await trigger.click();
  await confirmAction(page, "Check out this session?", "Check Out");
  await page.getByText("Session checked out: Completed.").waitFor();
}
