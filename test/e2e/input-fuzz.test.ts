import { randomUUID } from "node:crypto";

import bcrypt from "bcryptjs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { appRouter } from "@calcom/trpc/server";

import { DEMO_PASSWORD } from "./browser";
import { pageAs, useServedApp } from "./session-fixtures";

/*
 * Every procedure of the app, sent inputs of its own shape and hostile ones (ids beyond int4,
 * 1e20, fractions, NUL bytes, lone surrogates, long text, wrong types, extra and missing fields)
 * over real HTTP as a signed-in host: no answer is a 5xx, and no message shows the server's
 * internals (the database's text, a query, a stack). The host is one of the test's own, with
 * sessions of their own: random ids also reach other hosts' bookings, which must stay untouched.
 */

const app = useServedApp();
const { baseUrl, prisma } = app;
const CASES = Number(process.env.FUZZ_CASES ?? 2_400);
const IN_FLIGHT = 6;

type Kind = "query" | "mutation";
type Shape = Record<string, fc.Arbitrary<unknown>>;

const INT4_MAX = 2_147_483_647;
const hostileNumber = fc.constantFrom(INT4_MAX + 1, -INT4_MAX - 2, 1e20, -1e20, 1.5, 0, -1, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e308);
const hostileString = fc.oneof(
  fc.constantFrom("a\u0000b", "\u0000", "\ud800", "x\udc00y", "\ud83d", "'; DROP TABLE \"Booking\"; --", "<script>alert(1)</script>", "%00", "../../etc/passwd", "1e20", "NaN", ""),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(2_000)),
);
// JSON.parse makes "__proto__" an own key, as a request body would carry it.
const prototypeKeys = fc.constantFrom(JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown, JSON.parse('{"constructor": {"prototype": {"x": 1}}}') as unknown);
const anyJson = fc.oneof(hostileNumber, hostileString, fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }), prototypeKeys);

/** The ids this run's host owns, known once they are made; mixed with everyone else's and hostile ones. */
const ownIds: { bookings: number[]; notes: number[] } = { bookings: [], notes: [] };
const id = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).map(() => ownIds.bookings[Math.floor(Math.random() * ownIds.bookings.length)] ?? 1) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 3_000 }) },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: anyJson },
);
const noteId = fc.oneof(fc.constant(null).map(() => ownIds.notes[0] ?? 1), id);
const email = fc.oneof(fc.emailAddress(), fc.constantFrom("client@fuzz.example", "CLIENT@FUZZ.EXAMPLE", "a\u0000@b.c", "\ud800@x.example", `${"a".repeat(400)}@x.example`), hostileString);
const text = fc.oneof(fc.string({ maxLength: 200 }), hostileString, fc.string({ maxLength: 50 }).map((s) => s.repeat(400)));
const day = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "2026-1-1"),
  hostileString,
);
const optional = (arbitrary: fc.Arbitrary<unknown>) => fc.option(arbitrary, { nil: undefined });

/** The shape of each procedure's input; a procedure missing here fails the first test. */
const PROCEDURES: Record<string, { kind: Kind; shape: Shape | null }> = {
  getSession: { kind: "query", shape: { bookingId: id } },
  sessionHistory: { kind: "query", shape: { bookingId: id, cursor: id } },
  sessionStatuses: { kind: "query", shape: { bookingIds: fc.array(id, { maxLength: 8 }) } },
  checkout: { kind: "mutation", shape: { bookingId: id } },
  bulkCheckout: { kind: "mutation", shape: { bookingIds: fc.array(id, { maxLength: 8 }) } },
  undoCheckout: { kind: "mutation", shape: { bookingId: id } },
  markNoShow: { kind: "mutation", shape: { bookingId: id, attendeeEmails: optional(fc.array(email, { maxLength: 3 })) } },
  clearNoShow: { kind: "mutation", shape: { bookingId: id, attendeeEmails: optional(fc.array(email, { maxLength: 3 })) } },
  listNotes: { kind: "query", shape: { bookingId: id } },
  addNote: { kind: "mutation", shape: { bookingId: id, body: text } },
  updateNote: { kind: "mutation", shape: { noteId, body: text } },
  deleteNote: { kind: "mutation", shape: { noteId } },
  resendSurvey: { kind: "mutation", shape: { bookingId: id, attendeeEmail: email } },
  previewTemplate: { kind: "query", shape: { template: fc.oneof(fc.constantFrom("survey-email", "survey-page", "low-rating-alert"), hostileString) } },
  reports: { kind: "query", shape: { from: day, to: day, timeZone: optional(fc.oneof(fc.constantFrom("Europe/Paris", "Asia/Kolkata", "Mars/Olympus", "UTC"), hostileString)), bucket: optional(fc.oneof(fc.constantFrom("day", "week"), hostileString)), eventTypeId: optional(id), teamId: optional(id) } },
  reportSessions: { kind: "query", shape: { from: day, to: day, eventTypeId: optional(id), teamId: optional(id) } },
  reportScopes: { kind: "query", shape: null },
  clientHistory: { kind: "query", shape: { attendeeEmail: email, cursor: optional(id) } },
  listSessions: {
    kind: "query",
    shape: {
      from: day,
      to: day,
      tab: optional(fc.oneof(fc.constantFrom("awaiting", "completed", "noShow", "cancelled", "all"), hostileString)),
      search: optional(fc.oneof(text, hostileString)),
      eventTypeId: optional(id),
      teamId: optional(id),
      page: optional(fc.oneof(fc.integer({ min: -1, max: 3 }), hostileNumber)),
    },
  },
  getSettings: { kind: "query", shape: null },
  updateSettings: { kind: "mutation", shape: { autoCheckoutEnabled: optional(fc.oneof(fc.boolean(), anyJson)), autoCheckoutDelayMinutes: optional(fc.oneof(fc.constantFrom(30, 60, 45), hostileNumber)), surveysEnabled: optional(fc.boolean()), surveyAlertThreshold: optional(fc.oneof(fc.integer({ min: -1, max: 6 }), hostileNumber)) } },
};

/** An input of the procedure's shape (some fields dropped or replaced by anything), or anything at all. */
function inputFor(shape: Shape | null): fc.Arbitrary<unknown> {
  if (!shape) return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyJson });
  const shaped = fc.record(Object.fromEntries(Object.entries(shape).map(([field, arbitrary]) => [field, fc.oneof({ weight: 8, arbitrary }, { weight: 1, arbitrary: anyJson })])), { requiredKeys: [] });
  const withExtra = fc.tuple(shaped, fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 2 })).map(([input, extra]) => ({ ...extra, ...(input as object) }));
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 2, arbitrary: withExtra }, { weight: 1, arbitrary: anyJson });
}

const call = fc.constantFrom(...Object.keys(PROCEDURES)).chain((name) => inputFor(PROCEDURES[name]!.shape).map((input) => ({ name, input })));

// What the server's own workings look like in a message: the database's words, a query, a stack frame.
// SQL keywords in capitals only: "Select at least one session." is the app's own words.
const INTERNALS = [/prisma|driveradapter|node_modules|unsupported unicode|invalid byte sequence|out of range for type/i, /invalid `|\$queryRaw|\bP20\d\d\b|\bSELECT\b|\bINSERT INTO\b|\bUPDATE "|\bWHERE\b|\.tsx?:\d+|at [\w.<>]+ \(/];

async function send(cookie: string, name: string, kind: Kind, input: unknown) {
  const path = `${baseUrl}/api/trpc/viewer.appSessionCheckout.${name}`;
  // superjson's wire shape ({ json }) written by hand: superjson itself refuses to serialise a
  // "__proto__" key, which is exactly the kind of input the server must take calmly.
  const wire = input === undefined ? undefined : JSON.stringify({ json: input });
  const response =
    kind === "query"
      ? await fetch(wire === undefined ? path : `${path}?input=${encodeURIComponent(wire)}`, { headers: { cookie } })
      : await fetch(path, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: wire ?? "{}" });
  return { status: response.status, body: await response.text() };
}

describe("any input, through real HTTP", () => {
  it("the fuzz covers every procedure the app's router has", () => {
    const prefix = "viewer.appSessionCheckout.";
    const routerProcedures = Object.keys(appRouter._def.procedures as Record<string, unknown>).filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
    expect(Object.keys(PROCEDURES).sort()).toEqual(routerProcedures.sort());
  });

  it(`${CASES.toLocaleString("en")} calls: never a 5xx, never the server's internals in a message`, async () => {
    // The run's own host, signed in like anyone, with a session, a client and a note of their own.
    const email = `fuzz-${randomUUID().slice(0, 8)}@fuzz.example`;
    const host = await prisma.user.create({
      data: { email, name: "Fuzz Host", username: email.split("@")[0]!, timeZone: "Asia/Kolkata", password: { create: { hash: await bcrypt.hash(DEMO_PASSWORD, 4) } } },
    });
    await prisma.credential.create({ data: { type: "session-checkout_other", key: {}, userId: host.id, appId: "session-checkout" } });
    for (let i = 0; i < 3; i++) {
      const start = new Date(Date.now() - (i + 2) * 3_600_000);
      const booking = await prisma.booking.create({
        data: { uid: randomUUID(), title: `Fuzz session ${i}`, startTime: start, endTime: new Date(start.getTime() + 1_800_000), userId: host.id, status: "ACCEPTED", attendees: { create: { email: "client@fuzz.example", name: "Fuzz Client", timeZone: "UTC" } } },
      });
      ownIds.bookings.push(booking.id);
    }

    const page = await pageAs(app.browser, baseUrl, email, { path: "/apps/session-checkout/sessions" });
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await page.context().close();
    const note = await send(cookie, "addNote", "mutation", { bookingId: ownIds.bookings[0], body: "A note to fuzz" });
    expect(note.status).toBe(200);
    ownIds.notes.push(JSON.parse(note.body).result.data.json.id);

    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    const calls = fc.sample(call, { numRuns: CASES, seed });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < calls.length; i += IN_FLIGHT) {
      await Promise.all(
        calls.slice(i, i + IN_FLIGHT).map(async ({ name, input }) => {
          const { status, body } = await send(cookie, name, PROCEDURES[name]!.kind, input);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500 || INTERNALS.some((pattern) => pattern.test(body)) || body.includes('"stack"'))
            failures.push(`${name} ${JSON.stringify(input)?.slice(0, 300)} → ${status} ${body.slice(0, 400)}`);
        }),
      );
    }
    // FUZZ_SEED=<seed> replays this run.
    expect(failures, `seed ${seed}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`).toEqual([]);
    // Both kinds of answer were exercised: accepted calls and refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(CASES / 20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(CASES / 10);

    // Nothing of another host's was changed by any of it (auto-checkout runs beside it, so the
    // test looks for the fuzzing host's own hand: History, checkouts and notes by them).
    const othersBookings = { booking: { userId: { not: host.id } } };
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { actorUserId: host.id, ...othersBookings } })).toBe(0);
    expect(await prisma.app_SessionCheckout_Checkout.count({ where: { OR: [{ checkedOutById: host.id }, { undoneById: host.id }], ...othersBookings } })).toBe(0);
    expect(await prisma.app_SessionCheckout_Note.count({ where: { authorId: host.id, ...othersBookings } })).toBe(0);
    // While its own sessions were changed (the fuzz reached past validation).
    expect(await prisma.app_SessionCheckout_AuditEntry.count({ where: { actorUserId: host.id } })).toBeGreaterThan(0);
  }, 300_000);
});
