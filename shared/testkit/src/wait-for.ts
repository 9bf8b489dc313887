import { setTimeout as delay } from 'node:timers/promises'
import { WaitForTimeoutError } from './wait-for-timeout-error.ts'

export interface WaitForOptions {
  /** What is awaited, in words: it is the timeout error's message. */
  readonly what: string
  readonly timeoutMs?: number
  /** How often the condition is polled. */
  readonly intervalMs?: number
}

/**
 * Polls `check` until it returns a value other than `false`/`undefined`/`null` without throwing,
 * and returns that value. Specs wait for conditions, never for a fixed time.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { what, timeoutMs = 2_000, intervalMs = 10 }: WaitForOptions,
): Promise<Exclude<T, false | undefined | null>> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== false && value !== undefined && value !== null)
        return value as Exclude<T, false | undefined | null>
      lastError = undefined
    } catch (error) {
      lastError = error
    }
    if (Date.now() >= deadline) throw new WaitForTimeoutError(what, timeoutMs, lastError)
    await delay(intervalMs)
  }
}

/** Like `waitFor`, for a check written with `expect`: passes once the assertions stop throwing. */
export async function eventually(
  assertion: () => void | Promise<void>,
  options: WaitForOptions,
): Promise<void> {
  await waitFor(async () => {
    await assertion()
    return true
  }, options)
}
