/** Work that did not finish in the time it was given. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError'
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what} did not answer within ${timeoutMs} ms`)
  }
}

/**
 * Settles with `work`, or rejects with a DeadlineError after `timeoutMs`: client libraries have
 * their own timeouts, but not on every step, and a probe must never hang the command.
 */
export async function withDeadline<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, timeoutMs)), timeoutMs)
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}
