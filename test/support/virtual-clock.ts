/**
 * A clock tests move by hand, with sleeps that wake when it passes their time: the embedded
 * runner's per-session sleeps run on it, so "exactly at the due time" can be asserted to the millisecond.
 */
export class VirtualClock {
  private waiters: Array<{ until: number; wake: () => void }> = [];

  constructor(private current: number) {}

  now = (): Date => new Date(this.current);

  sleepUntil = (until: Date, signal: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      if (signal.aborted || until.getTime() <= this.current) return resolve();
      const waiter = { until: until.getTime(), wake: resolve };
      this.waiters.push(waiter);
      signal.addEventListener("abort", () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      });
    });

  /** Moves the clock (never backwards) and wakes every sleep whose time has come. */
  set(at: Date | number): void {
    this.current = Math.max(this.current, typeof at === "number" ? at : at.getTime());
    const due = this.waiters.filter((w) => w.until <= this.current);
    this.waiters = this.waiters.filter((w) => w.until > this.current);
    for (const waiter of due) waiter.wake();
  }
}
