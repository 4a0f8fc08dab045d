import { InngestTestEngine } from "@inngest/test";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createHash, createHmac, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import cronHandler from "@calcom/app-store/session-checkout/api/cron";
import inngestHandler from "@calcom/app-store/session-checkout/api/inngest";
import { SERVE_PATH, sessionCheckoutFunctions } from "@calcom/app-store/session-checkout/jobs/index";
import { updateSettings } from "@calcom/app-store/session-checkout/lib/services/settings";
import { prisma as defaultPrisma } from "@calcom/prisma";

import { callerFor, factories, minutesFromNow } from "../support/factories";
import { refusalOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";

/*
 * The app's Inngest functions and everything the app says to Inngest, with no Inngest server:
 * the functions run under @inngest/test against the real database; msw stands in for Inngest
 * Cloud's Event API and register API and records every request the SDK makes; the serve
 * endpoint is called with requests signed the way Inngest signs them.
 *
 * The app runs in Inngest mode here: the keys are set before the process-wide client exists,
 * so the client, the serve endpoint and `publishAppEvents` all see them.
 */

const EVENT_KEY = "test-event-key-session-checkout";
const SIGNING_KEY = "signkey-test-0123456789abcdef";
const CRON_API_KEY = `cron-${randomUUID()}`;
const EVENT_API = `https://inn.gs/e/${EVENT_KEY}`;
const REGISTER_API = "https://api.inngest.com/fn/register";
const APP_ORIGIN = "https://cal.example";
const SERVE_URL = `${APP_ORIGIN}${SERVE_PATH}`;
const DELAY_MINUTES = 30;
const MINUTE_MS = 60_000;

const { prisma, url } = await useTestDatabase();
// The serve endpoint's functions and the cron route use the `@calcom/prisma` default client.
vi.stubEnv("DATABASE_URL", url);
for (const name of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_API_BASE_URL", "INNGEST_EVENT_API_BASE_URL", "INNGEST_SERVE_ORIGIN", "INNGEST_SERVE_PATH", "INNGEST_SIGNING_KEY_FALLBACK", "INNGEST_ENV"]) {
  vi.stubEnv(name, undefined);
}
vi.stubEnv("INNGEST_EVENT_KEY", EVENT_KEY);
vi.stubEnv("INNGEST_SIGNING_KEY", SIGNING_KEY);
vi.stubEnv("CRON_API_KEY", CRON_API_KEY);
// The process-wide client reads the keys when it is made: one made before this file set them would not have them.
const processWide = globalThis as typeof globalThis & { __sessionCheckoutInngest?: unknown };
delete processWide.__sessionCheckoutInngest;
const make = factories(prisma);
type Host = Awaited<ReturnType<typeof make.user>>;

// ---------------------------------------------------------------------------------------------
// Inngest Cloud, as msw: the Event API and the register API. Anything else fails the request.

interface SentEvent {
  name: string;
  id?: string;
  data: Record<string, unknown>;
  ts?: number;
}
interface Registration {
  authorization: string | null;
  body: { url: string; appName: string; framework: string; deployType: string; functions: Array<{ id: string }> };
}

/** Every request the SDK made, as "METHOD url". */
const requests: string[] = [];
/** One entry per request to the Event API: the events it carried. */
const eventApi: SentEvent[][] = [];
const registrations: Registration[] = [];

const acceptEvents = async (request: Request) => {
  const events = (await request.json()) as SentEvent[];
  eventApi.push(events);
  return HttpResponse.json({ ids: events.map((event) => event.id ?? randomUUID()), status: 200 });
};

const server = setupServer(
  http.post("https://inn.gs/e/:eventKey", ({ request, params }) =>
    params.eventKey === EVENT_KEY ? acceptEvents(request) : HttpResponse.json({ error: "Event key not found", status: 401 }, { status: 401 }),
  ),
  http.post(REGISTER_API, async ({ request }) => {
    registrations.push({ authorization: request.headers.get("authorization"), body: (await request.json()) as Registration["body"] });
    return HttpResponse.json({ ok: true, modified: true });
  }),
);
server.events.on("request:start", ({ request }) => {
  requests.push(`${request.method} ${request.url}`);
});
// Before anything sends: the SDK keeps the `fetch` it finds on first use.
server.listen({ onUnhandledRequest: "error" });

beforeEach(async () => {
  requests.length = 0;
  eventApi.length = 0;
  registrations.length = 0;
  // The scheduler passes over every host: only the current test's host has auto-checkout on.
  await prisma.app_SessionCheckout_Settings.updateMany({ data: { autoCheckoutEnabled: false } });
});

afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});

afterAll(async () => {
  server.close();
  await defaultPrisma.$disconnect();
  delete processWide.__sessionCheckoutInngest;
  vi.unstubAllEnvs();
});

// ---------------------------------------------------------------------------------------------
// Helpers

// The functions the serve endpoint registers: on the process-wide client, with the default database client.
const [scheduler, dueSession] = sessionCheckoutFunctions();
if (!scheduler || !dueSession) throw new Error("The app defines two Inngest functions.");

/** A host with auto-checkout on (delay 30 min, surveys on) since two hours ago; the setup's own event is forgotten. */
async function autoCheckoutHost() {
  const host = await make.user();
  await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: DELAY_MINUTES, surveysEnabled: true }, now: minutesFromNow(-120) });
  switchedOn.set(host.id, (await prisma.app_SessionCheckout_Settings.findUniqueOrThrow({ where: { userId: host.id } })).autoCheckoutEnabledAt!);
  requests.length = 0;
  eventApi.length = 0;
  return host;
}

/** When each host switched auto-checkout on. */
const switchedOn = new Map<number, Date>();

/** The scheduler's event for a session, spelled out: id and key are booking + due time (end + delay) + when the host switched it on. */
function dueEvent(booking: { id: number; endTime: Date }, hostUserId: number) {
  const dueAt = new Date(booking.endTime.getTime() + DELAY_MINUTES * MINUTE_MS).toISOString();
  const key = `${booking.id}@${dueAt}@${switchedOn.get(hostUserId)!.getTime()}`;
  return {
    name: "session-checkout/session.due",
    id: `session-checkout/session.due:${key}`,
    data: { bookingId: booking.id, hostUserId, dueAt, key },
  };
}

/** What reached the Event API, without the send time the SDK stamps on each event. */
function sentEvents(): SentEvent[][] {
  return eventApi.map((events) =>
    events.map(({ ts, ...event }) => {
      expect(ts).toEqual(expect.any(Number));
      return event;
    }),
  );
}

type StepMock = { mock: { calls: unknown[][] } };
const callsOf = (tool: unknown) => (tool as StepMock).mock.calls;

/**
 * `count` accepted sessions of one host, one attendee each, inserted at once and in shuffled
 * order (ids do not follow end times); three share each end time, 0.5 s apart from `firstEnd`,
 * so a page of 500 ends inside a group of equal due times and the next page must continue by id.
 */
async function bulkSessions(hostId: number, count: number, firstEnd: Date) {
  const batch = randomUUID().slice(0, 8);
  if (count % 11 === 0) throw new Error("count must be coprime with 11 for the shuffle.");
  const order = Array.from({ length: count }, (_, i) => (i * 11) % count);
  await prisma.booking.createMany({
    data: order.map((i) => {
      const endTime = new Date(firstEnd.getTime() + Math.floor(i / 3) * 500);
      return { uid: `${batch}-${i}`, title: "Bulk session", userId: hostId, status: "ACCEPTED" as const, startTime: new Date(endTime.getTime() - 60 * MINUTE_MS), endTime };
    }),
  });
  const sessions = await prisma.booking.findMany({ where: { uid: { startsWith: `${batch}-` } }, select: { id: true, endTime: true } });
  await prisma.attendee.createMany({ data: sessions.map((s) => ({ bookingId: s.id, email: `client-${s.id}@client.example`, name: `Client ${s.id}`, timeZone: "Europe/London" })) });
  expect(sessions).toHaveLength(count);
  return sessions;
}

/** Sessions in the scheduler's order (due time, then booking id), as the events it must send. */
const inDueOrder = (sessions: Array<{ id: number; endTime: Date }>, hostId: number) =>
  [...sessions].sort((a, b) => a.endTime.getTime() - b.endTime.getTime() || a.id - b.id).map((s) => dueEvent(s, hostId));

/** Inngest's request signature: HMAC-SHA256 of the (canonical JSON) body and the time, keyed by the signing key without its prefix. */
function inngestSignature(body: string, { key = SIGNING_KEY, at = Math.floor(Date.now() / 1000) } = {}): string {
  const mac = createHmac("sha256", key.replace(/^signkey-\w+-/, "")).update(body + String(at)).digest("hex");
  return `t=${at}&s=${mac}`;
}

/** JSON with sorted keys, the form Inngest signs (RFC 8785 for the plain values used here). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A request to the serve endpoint, as it reaches the host (every HTTP/1.1 request has a Host). */
function serveRequest(method: "GET" | "PUT" | "POST", { body, signature, search = "" }: { body?: string; signature?: string; search?: string } = {}) {
  const headers: Record<string, string> = { host: new URL(APP_ORIGIN).host, "content-type": "application/json" };
  if (signature) headers["x-inngest-signature"] = signature;
  return new Request(`${SERVE_URL}${search}`, { method, headers, body });
}

/** Inngest's hash of the signing key: sha256 of the key's hex bytes, prefix kept. */
const hashedSigningKey = `signkey-test-${createHash("sha256").update(Buffer.from(SIGNING_KEY.replace("signkey-test-", ""), "hex")).digest("hex")}`;
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

// ---------------------------------------------------------------------------------------------

describe("the scheduler function (cron, every minute)", () => {
  it("checks out a session already due: auto-checkout's Checkout, History entry and event", async () => {
    const host = await autoCheckoutHost();
    // Ended 60 min ago: due 30 min ago. Ended 10 min ago: due in 20 min, beyond the 10-minute look-ahead.
    const due = await make.booking({ hostId: host.id, startedMinutesAgo: 120, lengthMinutes: 60 });
    const later = await make.booking({ hostId: host.id, startedMinutesAgo: 70, lengthMinutes: 60 });

    const { result, error, ctx } = await new InngestTestEngine({ function: scheduler }).execute();

    expect(error).toBeUndefined();
    expect(result).toEqual({ checkedOut: 1, skipped: 0, failed: [], scheduled: 0 });
    expect(callsOf(ctx.step.run).map(([id]) => id)).toEqual(["find-due", "catch-up-1", "advance-lines", "look-ahead-from", "find-upcoming-1"]);
    expect(callsOf(ctx.step.sendEvent)).toEqual([]);

    const checkout = await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: due.id } });
    expect(checkout).toMatchObject({ state: "ACTIVE", method: "AUTO", checkedOutById: null });
    const audit = await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId: due.id } });
    expect(audit).toMatchObject([{ action: "CHECKED_OUT", actorType: "AUTO_CHECKOUT", actorUserId: null, source: "AUTO" }]);
    expect(await prisma.app_SessionCheckout_Survey.count({ where: { bookingId: due.id } })).toBe(1);
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: later.id } })).toBe(0);

    // The catch-up's checkout is announced like any other, once it has committed.
    expect(sentEvents()).toEqual([
      [
        {
          name: "session-checkout/session.checked-out",
          id: `session-checkout/session.checked-out:${due.id}:${checkout!.checkedOutAt.getTime()}`,
          data: { bookingId: due.id, hostUserId: host.id, at: checkout!.checkedOutAt.toISOString(), method: "AUTO", surveysQueued: 1 },
        },
      ],
    ]);
  });

  it("schedules a session falling due within the look-ahead: one sendEvent step with the exact event", async () => {
    const host = await autoCheckoutHost();
    // Ended 25 min ago: due in 5 min. Ended 19 min ago: due in 11 min, just beyond the look-ahead.
    const soon = await make.booking({ hostId: host.id, startedMinutesAgo: 85, lengthMinutes: 60 });
    const beyond = await make.booking({ hostId: host.id, startedMinutesAgo: 79, lengthMinutes: 60 });
    const expected = dueEvent(soon, host.id);

    const { result, ctx } = await new InngestTestEngine({ function: scheduler }).execute();

    expect(result).toEqual({ checkedOut: 0, skipped: 0, failed: [], scheduled: 1 });
    expect(callsOf(ctx.step.sendEvent)).toEqual([["schedule-upcoming-1", [expected]]]);
    // step.sendEvent is not mocked by @inngest/test: the SDK posts the event to the Event API.
    expect(sentEvents()).toEqual([[expected]]);
    // Scheduling checks nothing out.
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: { in: [soon.id, beyond.id] } } })).toBe(0);
  });

  it("sends more than 500 sessions in pages of 500: distinct, in due order, every session once", async () => {
    const host = await autoCheckoutHost();
    // Due in 5 to ~8 minutes, all within the look-ahead.
    const sessions = await bulkSessions(host.id, 1_051, minutesFromNow(-25));
    const expected = inDueOrder(sessions, host.id);

    const { result, ctx } = await new InngestTestEngine({ function: scheduler }).execute();

    expect(result).toEqual({ checkedOut: 0, skipped: 0, failed: [], scheduled: 1_051 });
    const sends = callsOf(ctx.step.sendEvent) as Array<[string, SentEvent[]]>;
    expect(sends.map(([id, events]) => [id, events.length])).toEqual([
      ["schedule-upcoming-1", 500],
      ["schedule-upcoming-2", 500],
      ["schedule-upcoming-3", 51],
    ]);
    expect(sends.map(([, events]) => events)).toEqual([expected.slice(0, 500), expected.slice(500, 1_000), expected.slice(1_000)]);
    expect(callsOf(ctx.step.run).map(([id]) => id)).toEqual(["find-due", "advance-lines", "look-ahead-from", "find-upcoming-1", "find-upcoming-2", "find-upcoming-3"]);

    // One Event API request per page, each within Inngest's limits, no event twice.
    expect(sentEvents()).toEqual([expected.slice(0, 500), expected.slice(500, 1_000), expected.slice(1_000)]);
    expect(new Set(eventApi.flat().map((event) => event.id)).size).toBe(1_051);
  });
});

describe("the due-session function (event session-checkout/session.due)", () => {
  /**
   * The sleep mocked away (@inngest/test would wait on it for ever). A new array for every run:
   * the engine pushes each step's result into the array it was given, so a shared one would
   * replay one run's results in the next.
   */
  const sleepMocked = () => [{ id: "wait-until-due", handler() {} }];

  it("sleeps until exactly the event's dueAt, then checks the session out as auto-checkout", async () => {
    const host = await autoCheckoutHost();
    const booking = await make.booking({ hostId: host.id, startedMinutesAgo: 120, lengthMinutes: 60 });
    const event = dueEvent(booking, host.id);

    const { result, error, ctx } = await new InngestTestEngine({ function: dueSession }).execute({ events: [event], steps: sleepMocked() });

    expect(error).toBeUndefined();
    const checkout = await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id } });
    expect(checkout).toMatchObject({ state: "ACTIVE", method: "AUTO", checkedOutById: null });
    expect(result).toEqual({ outcome: "checked-out", bookingId: booking.id, at: checkout!.checkedOutAt.toISOString() });
    const sleeps = callsOf(ctx.step.sleepUntil);
    expect(sleeps).toEqual([["wait-until-due", new Date(event.data.dueAt)]]);
    expect(callsOf(ctx.step.run).map(([id]) => id)).toEqual(["check-out"]);
    expect(await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId: booking.id } })).toMatchObject([{ action: "CHECKED_OUT", actorType: "AUTO_CHECKOUT", source: "AUTO" }]);
    expect(sentEvents()).toEqual([
      [
        {
          name: "session-checkout/session.checked-out",
          id: `session-checkout/session.checked-out:${booking.id}:${checkout!.checkedOutAt.getTime()}`,
          data: { bookingId: booking.id, hostUserId: host.id, at: checkout!.checkedOutAt.toISOString(), method: "AUTO", surveysQueued: 1 },
        },
      ],
    ]);
  });

  it("asks Inngest for a Sleep until dueAt first, and changes nothing before it ends", async () => {
    const host = await autoCheckoutHost();
    const booking = await make.booking({ hostId: host.id, startedMinutesAgo: 120, lengthMinutes: 60 });
    const event = dueEvent(booking, host.id);

    const { step } = await new InngestTestEngine({ function: dueSession }).executeStep("wait-until-due", { events: [event] });

    expect(step).toMatchObject({ op: "Sleep", id: sha1("wait-until-due"), name: event.data.dueAt, displayName: "wait-until-due" });
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: booking.id } })).toBe(0);
    expect(requests).toEqual([]);
  });

  it.each([
    {
      already: "checked out by the host",
      status: "Completed",
      prepare: async (host: Host, bookingId: number) => void (await callerFor(prisma, host).checkout({ bookingId })),
    },
    {
      already: "marked No Show",
      status: "No Show",
      prepare: async (host: Host, bookingId: number) => void (await callerFor(prisma, host).markNoShow({ bookingId })),
    },
  ])("skips a session $already, naming its status, and sends nothing", async ({ prepare, status }) => {
    const host = await autoCheckoutHost();
    const booking = await make.booking({ hostId: host.id, startedMinutesAgo: 120, lengthMinutes: 60 });
    await prepare(host, booking.id);
    const before = await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId: booking.id } });
    const checkoutBefore = await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id } });
    requests.length = 0;
    eventApi.length = 0;

    const { result, error } = await new InngestTestEngine({ function: dueSession }).execute({ events: [dueEvent(booking, host.id)], steps: sleepMocked() });

    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "skipped", bookingId: booking.id, reason: `Only confirmed sessions are checked out. This session is ${status}.` });
    expect(await prisma.app_SessionCheckout_AuditEntry.findMany({ where: { bookingId: booking.id } })).toEqual(before);
    expect(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id } })).toEqual(checkoutBefore);
    expect(requests).toEqual([]);
  });

  it.each([
    { what: "a booking id that is not a number", data: (e: ReturnType<typeof dueEvent>) => ({ ...e.data, bookingId: String(e.data.bookingId) }), names: "bookingId" },
    { what: "no idempotency key", data: (e: ReturnType<typeof dueEvent>) => ({ bookingId: e.data.bookingId, hostUserId: e.data.hostUserId, dueAt: e.data.dueAt }), names: "key" },
    { what: "a due time that is not an instant", data: (e: ReturnType<typeof dueEvent>) => ({ ...e.data, dueAt: "soon" }), names: "dueAt" },
  ])("fails a malformed event ($what) with a NonRetriableError before sleeping or changing anything", async ({ data, names }) => {
    const host = await autoCheckoutHost();
    const booking = await make.booking({ hostId: host.id, startedMinutesAgo: 120, lengthMinutes: 60 });
    const event = dueEvent(booking, host.id);
    vi.spyOn(console, "error").mockImplementation(() => undefined);

    const { result, error, ctx } = await new InngestTestEngine({ function: dueSession }).execute({ events: [{ name: event.name, data: data(event) }], steps: sleepMocked() });

    expect(result).toBeUndefined();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringMatching(new RegExp(`^Malformed session-checkout/session\\.due event: .*\\b${names}\\b`)) });
    expect(callsOf(ctx.step.sleepUntil)).toEqual([]);
    expect(callsOf(ctx.step.run)).toEqual([]);
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: booking.id } })).toBe(0);
    expect(requests).toEqual([]);
  });
});

describe("the serve endpoint, as Inngest sees it", () => {
  it("answers a signed introspection: three functions, cloud mode, both keys, this app", async () => {
    const response = await inngestHandler(serveRequest("GET", { signature: inngestSignature("") }));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      authentication_succeeded: true,
      function_count: 3,
      mode: "cloud",
      has_event_key: true,
      has_signing_key: true,
      app_id: "session-checkout",
      framework: "edge",
      serve_path: SERVE_PATH,
      api_origin: "https://api.inngest.com/",
      event_api_origin: "https://inn.gs/",
      event_key_hash: createHash("sha256").update(EVENT_KEY).digest("hex"),
      signing_key_hash: hashedSigningKey.replace("signkey-test-", "").slice(0, 12),
      schema_version: "2024-05-24",
    });
    expect(requests).toEqual([]);
  });

  it("tells an unsigned or wrongly signed introspection nothing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const signature of [undefined, inngestSignature("", { key: "signkey-test-fedcba9876543210" }), inngestSignature("", { at: Math.floor(Date.now() / 1000) - 600 })]) {
      const response = await inngestHandler(serveRequest("GET", { signature }));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized" });
    }
  });

  it("registers the three functions with Inngest on PUT: ids, triggers, idempotency, concurrency, cancellation, serve URL", async () => {
    const response = await inngestHandler(serveRequest("PUT"));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: "Successfully registered", modified: true });
    expect(requests).toEqual([`POST ${REGISTER_API}`]);
    expect(registrations).toHaveLength(1);
    const { authorization, body } = registrations[0]!;
    // The register API is called with the hashed signing key, never the key itself.
    expect(authorization).toBe(`Bearer ${hashedSigningKey}`);
    expect(body).toMatchObject({ url: SERVE_URL, appName: "session-checkout", framework: "edge", deployType: "ping" });
    const stepUrl = (fnId: string) => `${SERVE_URL}?fnId=${fnId}&stepId=step`;
    const sameBooking = "async.data.bookingId == event.data.bookingId";
    expect([...body.functions].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      {
        id: "session-checkout-auto-checkout-scheduler",
        name: "Auto-checkout: catch up and schedule sessions falling due",
        triggers: [{ cron: "* * * * *" }],
        concurrency: 1,
        steps: { step: { id: "step", name: "step", runtime: { type: "http", url: stepUrl("session-checkout-auto-checkout-scheduler") }, retries: { attempts: 3 } } },
      },
      {
        id: "session-checkout-auto-checkout-session",
        name: "Auto-checkout: check a session out when it falls due",
        triggers: [{ event: "session-checkout/session.due" }],
        idempotency: "event.data.key",
        concurrency: [{ key: "event.data.hostUserId", limit: 5 }],
        cancel: [
          // A checkout by hand cancels; the run's own auto-checkout (which sends this event mid-run) does not.
          { event: "session-checkout/session.checked-out", if: `${sameBooking} && async.data.method != "AUTO"` },
          { event: "session-checkout/session.checkout-undone", if: sameBooking },
          { event: "session-checkout/session.no-show-marked", if: sameBooking },
          { event: "session-checkout/settings.changed", if: "async.data.hostUserId == event.data.hostUserId" },
        ],
        steps: { step: { id: "step", name: "step", runtime: { type: "http", url: stepUrl("session-checkout-auto-checkout-session") }, retries: { attempts: 5 } } },
      },
      {
        id: "session-checkout-survey-delivery",
        name: "Surveys: send the survey emails that are due",
        triggers: [{ event: "session-checkout/session.checked-out" }, { event: "session-checkout/survey.resend-requested" }, { event: "session-checkout/survey.answered" }, { cron: "* * * * *" }],
        concurrency: 1,
        steps: { step: { id: "step", name: "step", runtime: { type: "http", url: stepUrl("session-checkout-survey-delivery") }, retries: { attempts: 3 } } },
      },
    ]);
  });

  /** The body Inngest posts to run a function: the event and the step results so far. */
  const runBody = (event: { name: string; data: Record<string, unknown> }, steps: Record<string, unknown> = {}) =>
    canonicalJson({ version: 2, event, events: [event], steps, ctx: { run_id: `run-${randomUUID()}`, attempt: 0, stack: { stack: Object.keys(steps), current: 0 } } });
  const runSearch = "?fnId=session-checkout-auto-checkout-session&stepId=step";

  it("refuses a POST that is unsigned or signed with another key, and runs nothing", async () => {
    const host = await autoCheckoutHost();
    const booking = await make.booking({ hostId: host.id, startedMinutesAgo: 120, lengthMinutes: 60 });
    // Past the sleep already: a run would check the session out.
    const body = runBody(dueEvent(booking, host.id), { [sha1("wait-until-due")]: { type: "data", data: null } });
    vi.spyOn(console, "error").mockImplementation(() => undefined);

    for (const signature of [undefined, "t=1&s=00", inngestSignature(body, { key: "signkey-test-fedcba9876543210" })]) {
      const response = await inngestHandler(serveRequest("POST", { body, signature, search: runSearch }));
      expect(response.status).toBe(401);
    }
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: booking.id } })).toBe(0);
    expect(requests).toEqual([]);
  });

  it("runs the due-session function step by step for signed POSTs, as Inngest drives it", async () => {
    const host = await autoCheckoutHost();
    const booking = await make.booking({ hostId: host.id, startedMinutesAgo: 120, lengthMinutes: 60 });
    const event = dueEvent(booking, host.id);
    const post = (steps: Record<string, unknown>) => {
      const body = runBody(event, steps);
      return inngestHandler(serveRequest("POST", { body, signature: inngestSignature(body), search: runSearch }));
    };

    // First call: the function asks to sleep until the session is due.
    const first = await post({});
    expect(first.status).toBe(206);
    expect(await first.json()).toMatchObject([{ op: "Sleep", id: sha1("wait-until-due"), name: event.data.dueAt }]);
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { bookingId: booking.id } })).toBe(0);

    // After the sleep: the check-out step runs and reports its result.
    const slept = { [sha1("wait-until-due")]: { type: "data", data: null } };
    const second = await post(slept);
    expect(second.status).toBe(206);
    const [ran] = (await second.json()) as Array<{ op: string; id: string; data: unknown }>;
    const checkout = await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id } });
    expect(checkout).toMatchObject({ state: "ACTIVE", method: "AUTO" });
    const outcome = { outcome: "checked-out", bookingId: booking.id, at: checkout!.checkedOutAt.toISOString() };
    expect(ran).toMatchObject({ op: "StepRun", id: sha1("check-out"), data: outcome });
    // The checkout is announced from inside the step, once committed (the same event that cancels sleeping runs of this booking).
    expect(sentEvents()).toMatchObject([[{ name: "session-checkout/session.checked-out", data: { bookingId: booking.id, method: "AUTO", at: outcome.at } }]]);

    // With both results memoised, the run completes with the outcome and nothing runs twice.
    const third = await post({ ...slept, [sha1("check-out")]: { type: "data", data: outcome } });
    expect(third.status).toBe(200);
    expect(await third.json()).toEqual(outcome);
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: booking.id } })).toBe(1);
  });

  it("answers a malformed event with 400 and no-retry, so Inngest does not retry it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const body = runBody({ name: "session-checkout/session.due", data: { bookingId: 1 } });

    const response = await inngestHandler(serveRequest("POST", { body, signature: inngestSignature(body), search: runSearch }));

    expect(response.status).toBe(400);
    expect(response.headers.get("x-inngest-no-retry")).toBe("true");
    expect(await response.json()).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining("Malformed session-checkout/session.due event") });
  });
});

describe("events the app sends to Inngest after a change commits", () => {
  it("a manual checkout sends exactly one checked-out event, once the checkout is committed", async () => {
    const host = await make.user();
    await updateSettings(prisma, { userId: host.id, patch: { surveysEnabled: true } });
    const booking = await make.booking({ hostId: host.id, attendees: [{ email: "pat@client.example" }] });
    requests.length = 0;
    eventApi.length = 0;
    // What another connection sees when the event arrives: the change must already be committed.
    const seenAtSend: unknown[] = [];
    server.use(
      http.post(EVENT_API, async ({ request }) => {
        seenAtSend.push(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id }, select: { state: true, method: true } }));
        return acceptEvents(request);
      }),
    );

    const result = await callerFor(prisma, host).checkout({ bookingId: booking.id });

    expect(requests).toEqual([`POST ${EVENT_API}`]);
    expect(sentEvents()).toEqual([
      [
        {
          name: "session-checkout/session.checked-out",
          id: `session-checkout/session.checked-out:${booking.id}:${result.checkedOutAt.getTime()}`,
          data: { bookingId: booking.id, hostUserId: host.id, at: result.checkedOutAt.toISOString(), method: "MANUAL", surveysQueued: 1 },
        },
      ],
    ]);
    expect(result.surveysQueued).toBe(1);
    expect(seenAtSend).toEqual([{ state: "ACTIVE", method: "MANUAL" }]);
  });

  it("undo sends checkout-undone and marking a no-show sends no-show-marked, each with booking, host and time", async () => {
    const host = await make.user();
    const caller = callerFor(prisma, host);
    const checkedOut = await make.booking({ hostId: host.id });
    const absent = await make.booking({ hostId: host.id, attendees: [{ email: "gone@client.example" }] });
    await caller.checkout({ bookingId: checkedOut.id });
    requests.length = 0;
    eventApi.length = 0;

    await caller.undoCheckout({ bookingId: checkedOut.id });
    const undone = await prisma.app_SessionCheckout_Checkout.findUniqueOrThrow({ where: { bookingId: checkedOut.id } });
    expect(undone.state).toBe("UNDONE");
    await caller.markNoShow({ bookingId: absent.id });
    const marked = await prisma.app_SessionCheckout_AuditEntry.findFirstOrThrow({ where: { bookingId: absent.id, action: "NO_SHOW_MARKED" } });

    expect(requests).toEqual([`POST ${EVENT_API}`, `POST ${EVENT_API}`]);
    expect(sentEvents()).toEqual([
      [
        {
          name: "session-checkout/session.checkout-undone",
          id: `session-checkout/session.checkout-undone:${checkedOut.id}:${undone.undoneAt!.getTime()}`,
          data: { bookingId: checkedOut.id, hostUserId: host.id, at: undone.undoneAt!.toISOString() },
        },
      ],
      [
        {
          name: "session-checkout/session.no-show-marked",
          id: `session-checkout/session.no-show-marked:${absent.id}:${marked.createdAt.getTime()}`,
          data: { bookingId: absent.id, hostUserId: host.id, at: marked.createdAt.toISOString() },
        },
      ],
    ]);
  });

  it("saving settings sends settings.changed with the host, once the settings are committed", async () => {
    const host = await make.user();
    const now = new Date("2026-05-04T10:20:30.456Z");
    const seenAtSend: unknown[] = [];
    server.use(
      http.post(EVENT_API, async ({ request }) => {
        seenAtSend.push(await prisma.app_SessionCheckout_Settings.findUnique({ where: { userId: host.id }, select: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: true } }));
        return acceptEvents(request);
      }),
    );

    await updateSettings(prisma, { userId: host.id, patch: { autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 60 }, now });

    expect(requests).toEqual([`POST ${EVENT_API}`]);
    expect(sentEvents()).toEqual([
      [{ name: "session-checkout/settings.changed", id: `session-checkout/settings.changed:${host.id}:${now.getTime()}`, data: { hostUserId: host.id, at: now.toISOString() } }],
    ]);
    expect(seenAtSend).toEqual([{ autoCheckoutEnabled: true, autoCheckoutDelayMinutes: 60 }]);
  });

  it("a refused action sends nothing, and neither does clearing a no-show", async () => {
    const host = await make.user();
    const caller = callerFor(prisma, host);
    const upcoming = await make.booking({ hostId: host.id, startedMinutesAgo: -60 });
    const past = await make.booking({ hostId: host.id });
    await caller.markNoShow({ bookingId: past.id });
    requests.length = 0;
    eventApi.length = 0;

    expect((await refusalOf(caller.checkout({ bookingId: upcoming.id }))).code).toBe("PRECONDITION_FAILED");
    expect((await refusalOf(caller.undoCheckout({ bookingId: past.id }))).code).toBe("PRECONDITION_FAILED");
    await caller.clearNoShow({ bookingId: past.id });

    expect(requests).toEqual([]);
  });

  it("an Event API failing with 500 does not fail the checkout: committed, resolved, logged", async () => {
    const host = await make.user();
    const booking = await make.booking({ hostId: host.id });
    requests.length = 0;
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    server.use(http.post(EVENT_API, () => HttpResponse.json({ error: "internal error", status: 500 }, { status: 500 })));

    const result = await callerFor(prisma, host).checkout({ bookingId: booking.id });

    expect(result).toMatchObject({ bookingId: booking.id, status: "COMPLETED" });
    expect(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: booking.id } })).toMatchObject({ state: "ACTIVE", method: "MANUAL" });
    // The SDK tried a few times before giving up; the app logged and moved on.
    expect(requests.length).toBeGreaterThan(1);
    expect(new Set(requests)).toEqual(new Set([`POST ${EVENT_API}`]));
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("Could not send 1 event(s) (session-checkout/session.checked-out"));
  });
});

describe("a host's survey resend in Inngest mode", () => {
  /** A checked-out session whose one survey delivery gave up on; the setup's own events are forgotten. */
  async function failedSurvey() {
    const host = await make.user();
    await updateSettings(prisma, { userId: host.id, patch: { surveysEnabled: true } });
    const booking = await make.booking({ hostId: host.id, attendees: [{ email: "resend@client.example" }] });
    await callerFor(prisma, host).checkout({ bookingId: booking.id });
    await prisma.app_SessionCheckout_Survey.updateMany({ where: { bookingId: booking.id }, data: { status: "FAILED", attempts: 5, lastError: "451 Try again later" } });
    requests.length = 0;
    eventApi.length = 0;
    return { host, booking };
  }

  it("sends one survey.resend-requested event with booking and host, once the resend is committed", async () => {
    const { host, booking } = await failedSurvey();
    const seenAtSend: unknown[] = [];
    server.use(
      http.post(EVENT_API, async ({ request }) => {
        seenAtSend.push(await prisma.app_SessionCheckout_Survey.findFirst({ where: { bookingId: booking.id }, select: { status: true, attempts: true } }));
        return acceptEvents(request);
      }),
    );

    const result = await callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: "resend@client.example" });

    const survey = await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id } });
    expect(requests).toEqual([`POST ${EVENT_API}`]);
    expect(sentEvents()).toEqual([
      [{ name: "session-checkout/survey.resend-requested", id: `session-checkout/survey.resend-requested:${survey.id}:${result.queuedAt.getTime()}`, data: { bookingId: booking.id, hostUserId: host.id } }],
    ]);
    expect(seenAtSend).toEqual([{ status: "QUEUED", attempts: 0 }]);
  });

  it("a refused resend sends nothing", async () => {
    const { host, booking } = await failedSurvey();
    await prisma.app_SessionCheckout_Survey.updateMany({ where: { bookingId: booking.id }, data: { status: "SENT", sentAt: new Date() } });
    expect((await refusalOf(callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: "resend@client.example" }))).code).toBe("CONFLICT");
    expect(requests).toEqual([]);
  });

  it("an Event API failing with 500 does not fail the resend: committed, resolved, logged", async () => {
    const { host, booking } = await failedSurvey();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    server.use(http.post(EVENT_API, () => HttpResponse.json({ error: "internal error", status: 500 }, { status: 500 })));

    const result = await callerFor(prisma, host).resendSurvey({ bookingId: booking.id, attendeeEmail: "resend@client.example" });

    expect(result).toMatchObject({ bookingId: booking.id, status: "QUEUED" });
    expect(await prisma.app_SessionCheckout_Survey.findFirstOrThrow({ where: { bookingId: booking.id } })).toMatchObject({ status: "QUEUED", attempts: 0 });
    expect(requests.length).toBeGreaterThan(0);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("Could not send 1 event(s) (session-checkout/survey.resend-requested"));
  });
});

describe("the cron route in Inngest mode", () => {
  const cronRequest = (headers: Record<string, string> = {}) => new Request(`${APP_ORIGIN}/api/integrations/session-checkout/cron`, { method: "POST", headers });

  it("is closed without the cron key", async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: "Bearer wrong-key" }, { authorization: `Bearer ${CRON_API_KEY}x` }];
    for (const headers of attempts) {
      const response = await cronHandler(cronRequest(headers));
      expect(response.status).toBe(401);
    }
    expect(requests).toEqual([]);
  });

  it("catches up, then sends the look-ahead's session.due events to the Event API in batches of at most 500", async () => {
    const host = await autoCheckoutHost();
    const due = await make.booking({ hostId: host.id, startedMinutesAgo: 120, lengthMinutes: 60 });
    const sessions = await bulkSessions(host.id, 501, minutesFromNow(-25));
    const expected = inDueOrder(sessions, host.id);

    const response = await cronHandler(cronRequest({ authorization: `Bearer ${CRON_API_KEY}` }));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, checkedOut: 1, skipped: 0, failedBookingIds: [], scheduled: 501, surveys: { sent: 0, retrying: 0, failed: 0, cancelled: 0 } });
    const sent = sentEvents();
    expect(sent.map((events) => events.length)).toEqual([1, 500, 1]);
    expect(sent[0]).toMatchObject([{ name: "session-checkout/session.checked-out", data: { bookingId: due.id, method: "AUTO" } }]);
    expect(sent.slice(1)).toEqual([expected.slice(0, 500), expected.slice(500)]);
    expect(await prisma.app_SessionCheckout_Checkout.findUnique({ where: { bookingId: due.id } })).toMatchObject({ state: "ACTIVE", method: "AUTO" });
  });
});
