import type { PrismaClient } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";

/*
 * What the survey emails and the hosts' low-rating alerts share: each is a small outbox on the
 * survey row (its own status, attempts, next attempt, last error, sent time), claimed by one sender
 * at a time, retried with backoff and given up after the last attempt. Every write is fenced on the
 * claim (row still QUEUED, attempts unchanged), so a sender whose claim lapsed writes nothing.
 */

export interface OutboxColumns {
  status: string;
  attempts: string;
  nextAttemptAt: string;
  lastError: string;
  sentAt: string;
  /** When a claim was made, where the outbox records it: part of the fence (a resend starts the attempts again). */
  claimedAt?: string;
}

export const SURVEY_OUTBOX: OutboxColumns = { status: "status", attempts: "attempts", nextAttemptAt: "nextAttemptAt", lastError: "lastError", sentAt: "sentAt", claimedAt: "lastAttemptAt" };
export const ALERT_OUTBOX: OutboxColumns = {
  status: "alertStatus",
  attempts: "alertAttempts",
  nextAttemptAt: "alertNextAttemptAt",
  lastError: "alertLastError",
  sentAt: "alertSentAt",
};

export const MAX_ATTEMPTS = 5;
/** Pauses before the 2nd … 5th attempt. */
const RETRY_MINUTES = [1, 5, 30, 120];
/** A claimed row is not picked up by another sender for this long, even if this one dies (far beyond the transport's 30 s timeouts). */
export const LEASE_MS = 10 * 60_000;
/** A failure's reason as stored and shown to the host. */
export const REASON_MAX_CHARACTERS = 500;

export interface Claim {
  id: number;
  attempts: number;
  /** Set where the outbox records claim times. */
  claimedAt?: Date | null;
}

/**
 * A claim's sends must start before half its lease has passed: a pooled transport queues messages,
 * and an email handed over after the lease could go out beside another sender's copy.
 */
export const SEND_WINDOW_MS = LEASE_MS / 2;

const column = (name: string) => Prisma.raw(`"${name}"`);

/** The condition that a row is still held by this claim. */
function stillOurs(columns: OutboxColumns, claim: Claim): Prisma.Sql {
  const claimedAt = columns.claimedAt && claim.claimedAt ? Prisma.sql` AND ${column(columns.claimedAt)} = ${claim.claimedAt}` : Prisma.empty;
  return Prisma.sql`"id" = ${claim.id} AND ${column(columns.status)}::text = 'QUEUED' AND ${column(columns.attempts)} = ${claim.attempts}${claimedAt}`;
}

export type FailureOutcome = "retrying" | "failed" | "lapsed";

/** Records a failed attempt: tried again after a pause, or FAILED after the last attempt. */
export async function recordFailure(db: PrismaClient, columns: OutboxColumns, claim: Claim, error: unknown, now: Date): Promise<{ outcome: FailureOutcome; reason: string }> {
  const reason = failureReason(error);
  if (claim.attempts >= MAX_ATTEMPTS) {
    const count = await db.$executeRaw`
      UPDATE "App_SessionCheckout_Survey" SET ${column(columns.status)} = 'FAILED', ${column(columns.lastError)} = ${reason}
      WHERE ${stillOurs(columns, claim)}`;
    return { outcome: count > 0 ? "failed" : "lapsed", reason };
  }
  const retryAt = new Date(now.getTime() + RETRY_MINUTES[claim.attempts - 1]! * 60_000);
  const count = await db.$executeRaw`
    UPDATE "App_SessionCheckout_Survey" SET ${column(columns.lastError)} = ${reason}, ${column(columns.nextAttemptAt)} = ${retryAt}
    WHERE ${stillOurs(columns, claim)}`;
  return { outcome: count > 0 ? "retrying" : "lapsed", reason };
}

/** An SMTP error's message, bounded (it is shown to the host beside the Resend button). */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return boundedReason(message.replace(/\s+/g, " ").trim() || "The mail server refused the message.");
}

/** A failure reason cut to what a host is shown, in characters (code points, never half a pair). */
export function boundedReason(text: string): string {
  return Array.from(text).slice(0, REASON_MAX_CHARACTERS).join("");
}

/** A batch of claims as rows to join: id, attempts and claim time (null where the outbox keeps none). */
function claimsTable(claims: ReadonlyArray<Claim>): Prisma.Sql {
  return Prisma.sql`unnest(${claims.map((c) => c.id)}::int[], ${claims.map((c) => c.attempts)}::int[], ${claims.map((c) => c.claimedAt ?? null)}::timestamp[]) AS c(id, attempts, claimed_at)`;
}

/** The batch fence: each row still QUEUED under its claim (attempts and, where kept, claim time unchanged). */
function batchFence(columns: OutboxColumns): Prisma.Sql {
  const claimedAt = columns.claimedAt ? Prisma.sql` AND s.${column(columns.claimedAt)} IS NOT DISTINCT FROM c.claimed_at` : Prisma.empty;
  return Prisma.sql`c.id = s."id" AND c.attempts = s.${column(columns.attempts)} AND s.${column(columns.status)}::text = 'QUEUED'${claimedAt}`;
}

/** The claims, among these, that still hold their rows: one statement for a whole batch. */
export async function stillOursAmong(db: PrismaClient, columns: OutboxColumns, claims: ReadonlyArray<Claim>): Promise<Set<number>> {
  if (claims.length === 0) return new Set();
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    SELECT s."id" FROM "App_SessionCheckout_Survey" s JOIN ${claimsTable(claims)} ON ${batchFence(columns)}`;
  return new Set(rows.map((row) => row.id));
}

/** Marks a batch's sent rows SENT in one statement; returns the ids it marked (a row no longer ours is left alone). */
export async function recordAllSent(db: PrismaClient, columns: OutboxColumns, claims: ReadonlyArray<Claim>, now: Date): Promise<Set<number>> {
  if (claims.length === 0) return new Set();
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    UPDATE "App_SessionCheckout_Survey" s
    SET ${column(columns.status)} = 'SENT', ${column(columns.sentAt)} = ${now}, ${column(columns.lastError)} = NULL
    FROM ${claimsTable(claims)}
    WHERE ${batchFence(columns)}
    RETURNING s."id"`;
  return new Set(rows.map((row) => row.id));
}
