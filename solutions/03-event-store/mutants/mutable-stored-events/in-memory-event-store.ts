import type { EventEnvelope } from '@eda/events'
import { checkExpectedVersion, resultOfRetry, type StoredEventRef } from '../../src/append-rules.ts'
import { CatchUpSubscription } from '../../src/catch-up-subscription.ts'
import { ANY, NO_STREAM } from '../../src/expected-version.ts'
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../src/types.ts'
import {
  type StreamWindow,
  validateEvents,
  validateExpectedVersion,
  validateReadAllOptions,
  validateReadStreamOptions,
  validateStreamId,
} from '../../src/validation.ts'

/**
 * The event store in a few arrays. Appends run one at a time (a promise chain): JavaScript is
 * single-threaded, and the `beforeCommit` hook is the only place an append waits, so holding the
 * chain across it is what keeps the version check atomic with the write and global positions in
 * the order readers see them.
 */
export class InMemoryEventStore implements EventStore {
  readonly #all: RecordedEvent[] = []
  readonly #streams = new Map<string, RecordedEvent[]>()
  readonly #byEventId = new Map<string, RecordedEvent>()
  #appending: Promise<unknown> = Promise.resolve()

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    validateStreamId(streamId)
    validateEvents(events)
    const batch = [...events]
    const expected = validateExpectedVersion(
      options.expectedVersion === undefined ? ANY : options.expectedVersion,
    )
    const turn = this.#appending.then(() => this.#append(streamId, batch, expected, options.beforeCommit))
    this.#appending = turn.catch(() => undefined)
    return turn
  }

  async #append(
    streamId: string,
    batch: EventEnvelope[],
    expected: ReturnType<typeof validateExpectedVersion>,
    beforeCommit: AppendOptions['beforeCommit'],
  ): Promise<AppendResult> {
    const stored = batch.flatMap((e): StoredEventRef[] => {
      const found = this.#byEventId.get(e.eventId)
      return found ? [{ eventId: e.eventId, ...found }] : []
    })
    const retried = resultOfRetry(streamId, batch, stored)
    if (retried) return retried

    const stream = this.#streams.get(streamId) ?? []
    const version = stream.length
    checkExpectedVersion(streamId, expected, version === 0 ? NO_STREAM : version)

    const recordedAt = new Date()
    const lastGlobal = this.#all.at(-1)?.globalPosition ?? 0n
    const records = batch.map(
      (event, i): RecordedEvent => ({
        streamId,
        streamPosition: version + 1 + i,
        globalPosition: lastGlobal + 1n + BigInt(i),
        recordedAt: new Date(recordedAt),
        event,
      }),
    )
    // Nothing is visible yet: if the hook throws, there is nothing to undo.
    await beforeCommit?.(records.map(copyOf))

    if (version === 0) this.#streams.set(streamId, stream)
    for (const record of records) {
      stream.push(record)
      this.#all.push(record)
      this.#byEventId.set(record.event.eventId, record)
    }
    const last = records.at(-1)!
    return {
      nextExpectedVersion: last.streamPosition,
      createdNewStream: version === 0,
      lastGlobalPosition: last.globalPosition,
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult> {
    validateStreamId(streamId)
    const window = validateReadStreamOptions(options)
    const stream = this.#streams.get(streamId) ?? []
    const events = indexesOf(window, stream.length).map((i) => copyOf(stream[i]!))
    return {
      events,
      currentVersion: stream.length === 0 ? NO_STREAM : stream.length,
      streamExists: stream.length > 0,
    }
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const { after, maxCount, eventTypes, streamPrefix } = validateReadAllOptions(options)
    const events: RecordedEvent[] = []
    // Positions are 1, 2, 3... here, so the first event after `after` sits at index `after`.
    const start = after < BigInt(this.#all.length) ? Number(after) : this.#all.length
    for (let i = start; i < this.#all.length; i++) {
      const record = this.#all[i]!
      if (eventTypes && !eventTypes.includes(record.event.eventType)) continue
      if (streamPrefix !== undefined && !record.streamId.startsWith(streamPrefix)) continue
      events.push(copyOf(record))
      if (events.length === maxCount) break
    }
    return events
  }

  async headPosition(): Promise<bigint> {
    return this.#all.at(-1)?.globalPosition ?? 0n
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    return CatchUpSubscription.start(this, options)
  }
}

/** The array indexes a stream read returns, in order. Positions are 1-based: position p is index p − 1. */
function indexesOf({ backwards, from, maxCount }: StreamWindow, length: number): number[] {
  const indexes: number[] = []
  const limit = maxCount ?? length
  if (backwards) {
    for (let i = Math.min(from ?? length, length) - 1; i >= 0 && indexes.length < limit; i--) indexes.push(i)
  } else {
    for (let i = (from ?? 1) - 1; i < length && indexes.length < limit; i++) indexes.push(i)
  }
  return indexes
}

function copyOf(record: RecordedEvent): RecordedEvent {
  return record
}
