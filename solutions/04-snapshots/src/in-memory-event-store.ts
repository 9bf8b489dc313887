import type { EventEnvelope } from '@eda/events'
import { ConcurrencyError } from './concurrency-error.ts'
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
} from './types.ts'

/**
 * Given, complete: the smallest event store the kata needs. Streams are arrays; positions start
 * at 1; a missing stream is at version 0. Reads return copies, as a database would.
 * (Kata 03 builds a real one: PostgreSQL, global positions, subscriptions.)
 */
export class InMemoryEventStore implements EventStore {
  readonly #streams = new Map<string, RecordedEvent[]>()

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const { from = 1, to = Number.POSITIVE_INFINITY } = options
    if (!Number.isInteger(from) || from < 1) throw new RangeError(`from must be an integer ≥ 1, got ${from}`)
    const stream = this.#streams.get(streamId) ?? []
    const events = stream.slice(from - 1, Math.max(from - 1, Math.min(to, stream.length)))
    return { events: structuredClone(events), streamVersion: stream.length }
  }

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    { expectedVersion }: AppendOptions,
  ): Promise<AppendResult> {
    const stream = this.#streams.get(streamId) ?? []
    if (stream.length !== expectedVersion)
      throw new ConcurrencyError(streamId, expectedVersion, stream.length)
    const recorded = events.map((event, i) => ({
      ...structuredClone(event),
      streamId,
      streamPosition: stream.length + i + 1,
    }))
    this.#streams.set(streamId, [...stream, ...recorded])
    return { nextExpectedVersion: stream.length + recorded.length }
  }
}
