/**
 * Lets every callback already queued run (microtasks and one turn of the event loop). For asserting
 * that something has *not* happened yet, without waiting a fixed time.
 */
export function flushPending(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
