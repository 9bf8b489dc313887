/**
 * Where time comes from. Production code uses `systemScheduler`; specs pass a manual one and
 * move time by hand, so a timeout is tested without waiting for it.
 */
export interface Scheduler {
  now(): Date
  /** Calls `fn` once after `ms`; the returned function cancels it. */
  setTimeout(fn: () => void, ms: number): () => void
}

export const systemScheduler: Scheduler = {
  now: () => new Date(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms)
    return () => clearTimeout(timer)
  },
}
