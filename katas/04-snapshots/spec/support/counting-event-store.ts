import type { EventStore, ReadStreamOptions } from '#impl'

export interface ReadCall {
  readonly streamId: string
  readonly options: ReadStreamOptions
  /** How many events this read returned. */
  readonly returned: number
}

/**
 * Wraps an event store and records every read: the specs assert how many events a load read and
 * where it started, never how long it took.
 */
export function countingEventStore(inner: EventStore) {
  const reads: ReadCall[] = []
  const store: EventStore = {
    async readStream(streamId, options = {}) {
      const result = await inner.readStream(streamId, options)
      reads.push({ streamId, options, returned: result.events.length })
      return result
    },
    appendToStream: (streamId, events, options) => inner.appendToStream(streamId, events, options),
  }
  return {
    store,
    reads,
    /** Events returned by every read since the last `reset()`. */
    get eventsRead(): number {
      return reads.reduce((sum, read) => sum + read.returned, 0)
    },
    /** The first position each read asked for (1 when it gave none). */
    get readFrom(): number[] {
      return reads.map((read) => read.options.from ?? 1)
    },
    reset(): void {
      reads.length = 0
    },
  }
}
