import type { ExpectedVersion, StreamVersion } from './expected-version.ts'

/**
 * The stream was not at the version the append expected: someone else wrote first. Nothing was
 * written. Reload the stream, decide again, and retry (or report the conflict to the caller).
 */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError'

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: StreamVersion,
  ) {
    super(
      `Concurrency conflict on stream ${JSON.stringify(streamId)}: expected version ${expected}, actual ${actual}`,
    )
  }
}
