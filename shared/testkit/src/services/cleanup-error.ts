/** Some cleanups after a test failed; each failure names what it was cleaning. */
export class CleanupError extends Error {
  override readonly name = 'CleanupError'
  constructor(readonly failures: ReadonlyArray<{ readonly what: string; readonly error: unknown }>) {
    super(
      `cleanup failed: ${failures
        .map(({ what, error }) => `${what} (${error instanceof Error ? error.message : String(error)})`)
        .join('; ')}`,
    )
  }
}
