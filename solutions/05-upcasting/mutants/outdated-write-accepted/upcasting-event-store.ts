import { type EventEnvelope, type JsonValue, parseEvent } from '@eda/events'
import { UnknownEventVersionError } from '../../src/errors.ts'
import type {
  Aggregate,
  Aggregated,
  AggregateStreamOptions,
  EventLog,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../src/types.ts'
import type { UpcasterRegistry } from '../../src/upcaster-registry.ts'

/**
 * The event log as the code sees it: every read path hands out events at their latest version, and
 * every write is at the latest version. The log's rows are never rewritten.
 */
export class UpcastingEventStore {
  readonly #log: EventLog
  readonly #upcasters: UpcasterRegistry

  constructor(log: EventLog, upcasters: UpcasterRegistry) {
    this.#log = log
    this.#upcasters = upcasters
  }

  /** Appends events written at the latest version of their type; refuses the whole batch otherwise. */
  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
  ): Promise<readonly RecordedEvent[]> {
    const valid = events.map((input) => {
      // parseEvent: a valid envelope whose data and metadata are plain JSON, or MessageValidationError.
      const event = parseEvent(input)
      const latest = this.#upcasters.latestVersion(event.eventType)
      if (event.version > latest) throw new UnknownEventVersionError(event.eventType, event.version, latest)
      return { ...event, data: event.data as JsonValue }
    })
    const stored = await this.#log.append(streamId, valid)
    return stored.map((event) => this.#upcasters.upcast(event))
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    return (await this.#log.readStream(streamId, options)).map((event) => this.#upcasters.upcast(event))
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    return (await this.#log.readAll(options)).map((event) => this.#upcasters.upcast(event))
  }

  /** An event that cannot be upcast stops the subscription (`onError`): it is never delivered raw. */
  subscribe(
    handler: (event: RecordedEvent) => void | Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription {
    return this.#log.subscribe((stored) => handler(this.#upcasters.upcast(stored)), options)
  }

  /** Folds the stream, from its snapshot when one of the aggregate's revision exists; the tail is upcast too. */
  async aggregateStream<State>(
    streamId: string,
    aggregate: Aggregate<State>,
    options: AggregateStreamOptions = {},
  ): Promise<Aggregated<State>> {
    const snapshot = await options.snapshots?.load(streamId)
    // The snapshot's revision is the state's schema, not any event's: event upcasters never touch it.
    const usable = snapshot?.revision === aggregate.snapshotRevision ? snapshot : undefined
    const tail = await this.readStream(streamId, { from: (usable?.version ?? 0) + 1 })
    const initial = usable ? (usable.state as State) : aggregate.initialState()
    return {
      state: tail.reduce((state, event) => aggregate.evolve(state, event), initial),
      version: tail.at(-1)?.streamPosition ?? usable?.version ?? 0,
    }
  }
}
