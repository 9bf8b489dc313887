/** A condition a spec waited for did not come true in time; the message says what was awaited. */
export class WaitForTimeoutError extends Error {
  override readonly name = 'WaitForTimeoutError'
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    readonly lastError?: unknown,
  ) {
    const last = lastError instanceof Error ? ` (last check: ${lastError.message})` : ''
    super(`timed out after ${timeoutMs} ms waiting for ${what}${last}`)
  }
}
