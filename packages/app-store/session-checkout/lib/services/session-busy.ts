import { SessionCheckoutError } from "../errors";
import { databaseErrorCode } from "./database-error";

/*
 * A session whose row someone else holds (another action on it, Cal.com's own write) is refused
 * quickly rather than waited on: a waiting transaction keeps a pooled connection, so a few waiters
 * on one busy booking would stall every other host's requests. The lock is taken with NOWAIT, the
 * transaction let go at once, and the action tried again after a short pause, for a bounded time.
 */

export const SESSION_BUSY_MESSAGE = "This session is being changed, try again.";

/** How long an action keeps trying a busy session before it says so. */
export const BUSY_RETRY_BUDGET_MS = 1_500;

export function sessionBusy(): SessionCheckoutError {
  return new SessionCheckoutError("CONFLICT", SESSION_BUSY_MESSAGE);
}

/** PostgreSQL's lock_not_available (55P03), as the driver adapter reports it: NOWAIT found the row held, or lock_timeout ran out. */
export function isLockNotAvailable(error: unknown): boolean {
  return databaseErrorCode(error) === "55P03";
}

/** Runs `attempt` (one whole transaction) again while it finds its session busy, then refuses with CONFLICT. */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, budgetMs = BUSY_RETRY_BUDGET_MS): Promise<T> {
  const started = Date.now();
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLockNotAvailable(error)) throw error;
      const left = budgetMs - (Date.now() - started);
      if (left <= 0) throw sessionBusy();
      // 20, 40, 80 … 200 ms, jittered so that the waiters do not come back together.
      const pause = Math.min(20 * 2 ** tries, 200) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}
