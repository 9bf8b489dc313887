import type { EventEnvelope } from '@eda/events'

/** The version of a stream that does not exist yet. Stream versions count from 1. */
export const NO_STREAM = 0

/** An event as the store keeps it: its place in its stream and in the global log (from 1). */
export interface StoredEvent {
  readonly position: number
  readonly streamId: string
  readonly streamVersion: number
  readonly event: EventEnvelope
}

export interface ReadStreamResult {
  /** The version of the last event, or NO_STREAM. */
  readonly version: number
  readonly events: readonly StoredEvent[]
}

export interface AppendResult {
  readonly nextExpectedVersion: number
  /** Global position of the last appended event: what a read-your-writes query waits for. */
  readonly lastPosition: number
}

/**
 * The minimal event store this kata builds on (kata 03 builds a real one). Appends are
 * all-or-nothing and checked against the version the writer read.
 */
export interface EventStore {
  readStream(streamId: string): Promise<ReadStreamResult>
  /** Rejects with ConcurrencyError when the stream is not at `expectedVersion`; rejects an empty append. */
  appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: { readonly expectedVersion: number },
  ): Promise<AppendResult>
  /** Events with a global position greater than `after`, in order, at most `limit`. */
  readAll(options: { readonly after: number; readonly limit: number }): Promise<readonly StoredEvent[]>
  /** Calls `listener` after every append (in this process); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

/** Someone else appended to the stream since it was read (optimistic concurrency). */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError'
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${expected}`)
  }
}
