import type { EventEnvelope } from '@eda/events'
import {
  type AppendResult,
  ConcurrencyError,
  type EventStore,
  NO_STREAM,
  type ReadStreamResult,
  type StoredEvent,
} from './event-store.ts'

/** The event store in memory: for the write side and for projections fed in process. */
export class InMemoryEventStore implements EventStore {
  readonly #all: StoredEvent[] = []
  readonly #streams = new Map<string, StoredEvent[]>()
  readonly #listeners = new Set<() => void>()

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const events = [...(this.#streams.get(streamId) ?? [])]
    return { version: events.at(-1)?.streamVersion ?? NO_STREAM, events }
  }

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    { expectedVersion }: { readonly expectedVersion: number },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`nothing to append to ${streamId}`)
    const stream = this.#streams.get(streamId) ?? []
    const actual = stream.at(-1)?.streamVersion ?? NO_STREAM
    if (actual !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, actual)
    for (const [i, event] of events.entries()) {
      const stored = Object.freeze({
        position: this.#all.length + 1,
        streamId,
        streamVersion: actual + i + 1,
        event: structuredClone(event),
      })
      stream.push(stored)
      this.#all.push(stored)
    }
    this.#streams.set(streamId, stream)
    for (const listener of this.#listeners) listener()
    return { nextExpectedVersion: actual + events.length, lastPosition: this.#all.length }
  }

  async readAll({ after, limit }: { readonly after: number; readonly limit: number }) {
    return this.#all.slice(after, after + limit)
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
