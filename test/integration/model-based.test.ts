import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { BookingStatus } from "@calcom/prisma/enums";
import { deriveSessionStatus, type CheckoutState } from "@calcom/app-store/session-checkout/lib/status";
import {
  allowedActions,
  planTransition,
  type SessionAction,
  type SessionAttendee,
  type SessionSnapshot,
  type TransitionDecision,
} from "@calcom/app-store/session-checkout/lib/transitions";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * Model-based test: random sequences of operations run twice, once on a pure in-memory model
 * that only asks `planTransition` (the rules), once through the tRPC procedures against
 * PostgreSQL. After every operation the two must agree on the outcome (allowed, or refused
 * with the same code) and on the whole state of the session.
 */

const { prisma } = await useTestDatabase();
const make = factories(prisma);

const RUNS = 200;

/** A group session: three attendees, stored with mixed-case emails to exercise normalisation. */
const ATTENDEES = [
  { email: "Ada.Lovelace@Client.Example", name: "Ada" },
  { email: "bob@client.example", name: "Bob" },
  { email: "CARL@CLIENT.EXAMPLE", name: "Carl" },
] as const;
const STRANGER = "stranger@elsewhere.example";

const lower = (email: string) => email.trim().toLowerCase();

type Caller = ReturnType<typeof callerFor>;

interface Model {
  bookingStatus: BookingStatus;
  startTime: Date;
  attendees: SessionAttendee[];
  checkoutState: CheckoutState | null;
  surveysEnabled: boolean;
  /** Lower-cased emails of every attendee a survey was ever queued for. */
  surveyed: Set<string>;
  auditEntries: number;
}

interface Real {
  bookingId: number;
  hostId: number;
  caller: Caller;
}

function snapshotOf(model: Model): SessionSnapshot {
  return {
    bookingStatus: model.bookingStatus,
    startTime: model.startTime,
    attendees: model.attendees.map((attendee) => ({ ...attendee })),
    checkoutState: model.checkoutState,
  };
}

/** What the operations did, over all runs: proves the generators reach the interesting cases. */
const seen = new Map<string, number>();
const note = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

/** The database's view of the session, in the model's shape. */
async function readReal(real: Real) {
  const [booking, surveys, auditEntries, settings] = await Promise.all([
    prisma.booking.findUniqueOrThrow({
      where: { id: real.bookingId },
      select: {
        status: true,
        attendees: { select: { email: true, noShow: true }, orderBy: { id: "asc" } },
        sessionCheckout: { select: { state: true } },
      },
    }),
    prisma.app_SessionCheckout_Survey.findMany({ where: { bookingId: real.bookingId }, select: { attendeeEmail: true } }),
    prisma.app_SessionCheckout_AuditEntry.count({ where: { bookingId: real.bookingId } }),
    prisma.app_SessionCheckout_Settings.findUnique({ where: { userId: real.hostId }, select: { surveysEnabled: true } }),
  ]);
  return {
    bookingStatus: booking.status,
    attendees: booking.attendees.map((attendee) => ({ email: attendee.email, noShow: attendee.noShow === true })),
    checkoutState: booking.sessionCheckout?.state ?? null,
    surveyed: surveys.map((survey) => survey.attendeeEmail).sort(),
    auditEntries,
    surveysEnabled: settings?.surveysEnabled ?? false,
  };
}

function expectedView(model: Model) {
  return {
    bookingStatus: model.bookingStatus,
    attendees: model.attendees.map((attendee) => ({ email: attendee.email, noShow: attendee.noShow })),
    checkoutState: model.checkoutState,
    surveyed: [...model.surveyed].sort(),
    auditEntries: model.auditEntries,
    surveysEnabled: model.surveysEnabled,
  };
}

/** The database and getSession both agree with the model. */
async function expectRealMatchesModel(model: Model, real: Real, after: string): Promise<void> {
  expect(await readReal(real), `database state after ${after}`).toEqual(expectedView(model));

  const session = await real.caller.getSession({ bookingId: real.bookingId });
  const snapshot = snapshotOf(model);
  expect(session.status, `getSession status after ${after}`).toBe(deriveSessionStatus(snapshot));
  expect(session.attendees.map((attendee) => ({ email: attendee.email, noShow: attendee.noShow })), `getSession attendees after ${after}`).toEqual(
    model.attendees.map((attendee) => ({ email: attendee.email, noShow: attendee.noShow })),
  );
  expect(session.history, `getSession history after ${after}`).toHaveLength(model.auditEntries);
  expect(session.allowedActions, `getSession allowedActions after ${after}`).toEqual(allowedActions(snapshot, new Date()));
}

type Outcome =
  | { ok: true; status: string; surveysQueued?: number; attendees?: Array<{ email: string; noShow: boolean }> }
  | { ok: false; error: unknown };

async function callService(real: Real, action: SessionAction, attendeeEmails: string[] | undefined): Promise<Outcome> {
  const bookingId = real.bookingId;
  const emails = attendeeEmails === undefined ? {} : { attendeeEmails };
  try {
    switch (action) {
      case "checkout": {
        const result = await real.caller.checkout({ bookingId });
        return { ok: true, status: result.status, surveysQueued: result.surveysQueued };
      }
      case "undoCheckout": {
        const result = await real.caller.undoCheckout({ bookingId });
        return { ok: true, status: result.status };
      }
      case "markNoShow": {
        const result = await real.caller.markNoShow({ bookingId, ...emails });
        return { ok: true, status: result.status, attendees: result.attendees };
      }
      case "clearNoShow": {
        const result = await real.caller.clearNoShow({ bookingId, ...emails });
        return { ok: true, status: result.status, attendees: result.attendees };
      }
    }
  } catch (error) {
    return { ok: false, error };
  }
}

function describeDecision(decision: TransitionDecision): string {
  return decision.allowed ? `allowed (${decision.from} -> ${decision.to})` : `refused ${decision.code}: ${decision.message}`;
}

class SessionActionCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly action: SessionAction,
    readonly attendeeEmails: string[] | undefined,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    const label = this.toString();
    const decision = planTransition(snapshotOf(model), {
      action: this.action,
      now: new Date(),
      attendeeEmails: this.attendeeEmails,
      surveysEnabled: model.surveysEnabled,
    });
    const outcome = await callService(real, this.action, this.attendeeEmails);

    if (!decision.allowed) {
      note(`${this.action}:refused:${decision.code}`);
      if (outcome.ok) expect.fail(`${label}: the rules refused (${describeDecision(decision)}) but the service did it (status ${outcome.status})`);
      if (!(outcome.error instanceof TRPCError)) throw outcome.error;
      expect(outcome.error.code, `${label}: error code (rules: ${describeDecision(decision)}; service: ${outcome.error.message})`).toBe(decision.code);
      // The model stays as it is.
    } else {
      note(`${this.action}:allowed`);
      if (!outcome.ok) {
        const error = outcome.error;
        const detail = error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error);
        expect.fail(`${label}: the rules allowed it (${describeDecision(decision)}) but the service refused (${detail})`);
      }

      // Apply the plan to the model.
      model.checkoutState = decision.checkoutState;
      const flags = new Map(decision.noShowChanges.map((change) => [lower(change.email), change.noShow]));
      model.attendees = model.attendees.map((attendee) => ({ ...attendee, noShow: flags.get(lower(attendee.email)) ?? attendee.noShow }));
      let newlySurveyed = 0;
      for (const recipient of decision.surveyRecipients) {
        const email = lower(recipient.email);
        if (model.surveyed.has(email)) {
          note("checkout:survey-already-queued");
          continue;
        }
        model.surveyed.add(email);
        newlySurveyed += 1;
      }
      if (newlySurveyed > 0) note("checkout:surveys-queued");
      model.auditEntries += 1;

      expect(outcome.status, `${label}: status the procedure returned`).toBe(decision.to);
      expect(decision.to, `${label}: plan's target status`).toBe(deriveSessionStatus(snapshotOf(model)));
      if (this.action === "checkout") expect(outcome.surveysQueued, `${label}: surveysQueued`).toBe(newlySurveyed);
      if (outcome.attendees !== undefined) {
        expect(outcome.attendees.map((attendee) => ({ email: attendee.email, noShow: attendee.noShow })), `${label}: attendees returned`).toEqual(
          model.attendees.map((attendee) => ({ email: attendee.email, noShow: attendee.noShow })),
        );
      }
    }

    await expectRealMatchesModel(model, real, label);
  }

  toString(): string {
    return this.attendeeEmails === undefined ? `${this.action}()` : `${this.action}(${JSON.stringify(this.attendeeEmails)})`;
  }
}

class SetSurveysCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly enabled: boolean) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    const saved = await real.caller.updateSettings({ surveysEnabled: this.enabled });
    expect(saved.surveysEnabled, `${this.toString()}: saved settings`).toBe(this.enabled);
    model.surveysEnabled = this.enabled;
    note(`surveysEnabled:${this.enabled}`);
    await expectRealMatchesModel(model, real, this.toString());
  }

  toString(): string {
    return `updateSettings({ surveysEnabled: ${this.enabled} })`;
  }
}

/** Cal.com changes the booking itself (cancelled, rescheduled to pending, ...): both sides see it. */
class SetBookingStatusCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly status: BookingStatus) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    await prisma.booking.update({ where: { id: real.bookingId }, data: { status: this.status } });
    model.bookingStatus = this.status;
    note(`bookingStatus:${this.status}`);
    await expectRealMatchesModel(model, real, this.toString());
  }

  toString(): string {
    return `Booking.status = ${this.status}`;
  }
}

/** All attendees (no argument), or a non-empty pick of them in any case, sometimes with a stranger. */
const attendeeEmailsArb: fc.Arbitrary<string[] | undefined> = fc.option(
  fc
    .tuple(
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: ATTENDEES.length - 1 }), fc.constantFrom("as-stored", "lower", "upper")).map(([index, casing]) => {
          const email = ATTENDEES[index]!.email;
          return casing === "lower" ? email.toLowerCase() : casing === "upper" ? email.toUpperCase() : email;
        }),
        { minLength: 1, maxLength: 4 },
      ),
      fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([emails, withStranger]) => (withStranger ? [...emails, STRANGER] : emails)),
  { nil: undefined, freq: 3 },
);

const commandArb: fc.Arbitrary<fc.AsyncCommand<Model, Real>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(new SessionActionCommand("checkout", undefined)) },
  { weight: 3, arbitrary: fc.constant(new SessionActionCommand("undoCheckout", undefined)) },
  { weight: 4, arbitrary: attendeeEmailsArb.map((emails) => new SessionActionCommand("markNoShow", emails)) },
  { weight: 4, arbitrary: attendeeEmailsArb.map((emails) => new SessionActionCommand("clearNoShow", emails)) },
  { weight: 2, arbitrary: fc.boolean().map((enabled) => new SetSurveysCommand(enabled)) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<BookingStatus>("ACCEPTED", "ACCEPTED", "ACCEPTED", "CANCELLED", "PENDING", "REJECTED", "AWAITING_HOST")
      .map((status) => new SetBookingStatusCommand(status)),
  },
);

const initialArb = fc.record({
  /** Started at least 30 minutes ago, or starting at least 30 minutes from now: no boundary at "now". */
  startedMinutesAgo: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 30, max: 3 * 24 * 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: -3 * 24 * 60, max: -30 }) },
  ),
  noShows: fc.tuple(
    ...ATTENDEES.map(() =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constant<boolean | null>(false) },
        { weight: 1, arbitrary: fc.constant<boolean | null>(null) },
        { weight: 1, arbitrary: fc.constant<boolean | null>(true) },
      ),
    ),
  ),
  surveysEnabled: fc.boolean(),
});

describe("model-based: the pure rules and the services agree", () => {
  it(
    `random operation sequences end in the same state through tRPC as in the model (${RUNS} sequences)`,
    async () => {
      let sequences = 0;
      await fc.assert(
        fc.asyncProperty(initialArb, fc.commands([commandArb], { maxCommands: 20, size: "+1" }), async (initial, commands) => {
          const setup = async () => {
            const host = await make.user();
            const booking = await make.booking({
              hostId: host.id,
              status: "ACCEPTED",
              startedMinutesAgo: initial.startedMinutesAgo,
              attendees: ATTENDEES.map((attendee, index) => ({ ...attendee, noShow: initial.noShows[index] === true })),
            });
            // The factory stores false for null; Cal.com rows can hold null ("never set"), which means present.
            const unset = ATTENDEES.filter((_, index) => initial.noShows[index] === null).map((attendee) => attendee.email);
            if (unset.length > 0) await prisma.attendee.updateMany({ where: { bookingId: booking.id, email: { in: unset } }, data: { noShow: null } });
            const caller = callerFor(prisma, host);
            if (initial.surveysEnabled) await caller.updateSettings({ surveysEnabled: true });

            const model: Model = {
              bookingStatus: "ACCEPTED",
              startTime: booking.startTime,
              attendees: ATTENDEES.map((attendee, index) => ({ ...attendee, noShow: initial.noShows[index] === true })),
              checkoutState: null,
              surveysEnabled: initial.surveysEnabled,
              surveyed: new Set<string>(),
              auditEntries: 0,
            };
            const real: Real = { bookingId: booking.id, hostId: host.id, caller };
            await expectRealMatchesModel(model, real, "setup");
            return { model, real };
          };
          await fc.asyncModelRun(setup, commands);
          sequences += 1;
        }),
        { numRuns: RUNS },
      );

      // The property ran at least RUNS sequences (more if shrinking ever kicked in).
      expect(sequences).toBeGreaterThanOrEqual(RUNS);

      // The generators reached the interesting cases, so the agreement above means something.
      const count = (key: string) => seen.get(key) ?? 0;
      for (const action of ["checkout", "undoCheckout", "markNoShow", "clearNoShow"]) {
        expect(count(`${action}:allowed`), `${action} allowed at least once`).toBeGreaterThan(0);
        expect(count(`${action}:refused:PRECONDITION_FAILED`), `${action} refused at least once`).toBeGreaterThan(0);
      }
      expect(count("markNoShow:refused:BAD_REQUEST") + count("clearNoShow:refused:BAD_REQUEST"), "a stranger's email refused").toBeGreaterThan(0);
      expect(count("checkout:surveys-queued"), "a checkout queued surveys").toBeGreaterThan(0);
      expect(count("checkout:survey-already-queued"), "a re-checkout skipped an attendee already surveyed").toBeGreaterThan(0);
    },
    180_000,
  );
});
