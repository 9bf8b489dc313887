import type { JsonValue } from '@eda/events'
import { streamIdOf } from '../../src/cart.ts'
import { InvalidOptionError } from '../../src/invalid-option-error.ts'
import type {
  Aggregate,
  Decide,
  EventStore,
  ExecuteResult,
  Loaded,
  LoadOptions,
  RecordedEvent,
  SnapshotStore,
  SnapshottingRepositoryOptions,
} from '../../src/types.ts'

interface Rebuilt<State> extends Loaded<State> {
  /** The version of the snapshot the state was built from; 0 when it came from a full replay. */
  readonly snapshotVersion: number
}

/**
 * Loads aggregates from their latest snapshot plus the events after it, and takes a snapshot once
 * `snapshotEvery` events were appended since the last one. Snapshots are a cache: one that cannot
 * be trusted is ignored, and one that cannot be saved never fails a command.
 */
export class SnapshottingRepository<State extends JsonValue> {
  readonly #aggregate: Aggregate<State>
  readonly #events: EventStore
  readonly #snapshots: SnapshotStore
  readonly #every: number
  readonly #onSnapshotError: (error: unknown) => void

  constructor(options: SnapshottingRepositoryOptions<State>) {
    const { snapshotEvery } = options
    if (!Number.isSafeInteger(snapshotEvery) || snapshotEvery < 1)
      throw new InvalidOptionError('snapshotEvery', snapshotEvery, 'a positive integer')
    this.#aggregate = options.aggregate
    this.#events = options.eventStore
    this.#snapshots = options.snapshotStore
    this.#every = snapshotEvery
    this.#onSnapshotError = options.onSnapshotError ?? (() => undefined)
  }

  async load(aggregateId: string, options: LoadOptions = {}): Promise<Loaded<State>> {
    const { version } = options
    if (version !== undefined && (!Number.isSafeInteger(version) || version < 0))
      throw new InvalidOptionError('version', version, 'an integer ≥ 0')
    const { state, version: loaded } = await this.#rebuild(aggregateId, version)
    return { state, version: loaded }
  }

  async execute(aggregateId: string, decide: Decide<State>): Promise<ExecuteResult> {
    const current = await this.#rebuild(aggregateId)
    const events = decide(current.state, current.version)
    if (events.length === 0) return { version: current.version, snapshot: 'not-due' }
    const { nextExpectedVersion: version } = await this.#events.appendToStream(
      streamIdOf(this.#aggregate.type, aggregateId),
      events,
      { expectedVersion: current.version },
    )
    if (version % this.#every !== 0) return { version, snapshot: 'not-due' }
    const state = events.reduce((s, event) => this.#aggregate.evolve(s, event), current.state)
    try {
      await this.#snapshots.save({
        aggregateType: this.#aggregate.type,
        aggregateId,
        version,
        revision: this.#aggregate.snapshotRevision,
        state,
      })
      return { version, snapshot: 'saved' }
    } catch (error) {
      // The events are committed: the command succeeded. The next load replays a little more.
      this.#onSnapshotError(error)
      return { version, snapshot: 'failed' }
    }
  }

  async #rebuild(aggregateId: string, upTo?: number): Promise<Rebuilt<State>> {
    const evolve = (state: State, event: RecordedEvent) => this.#aggregate.evolve(state, event)
    const streamId = streamIdOf(this.#aggregate.type, aggregateId)
    const range = upTo === undefined ? {} : { to: upTo }
    const snapshot = await this.#usableSnapshot(aggregateId, upTo)
    if (snapshot) {
      // The snapshot holds events 1..version: the tail starts after it.
      const tail = await this.#events.readStream(streamId, { from: snapshot.version + 1, ...range })
      // A snapshot ahead of its stream (a restored database) describes events that do not exist.
      if (tail.streamVersion >= snapshot.version) {
        return {
          state: tail.events.reduce(evolve, snapshot.state),
          version: tail.events.at(-1)?.streamPosition ?? snapshot.version,
          snapshotVersion: snapshot.version,
        }
      }
    }
    const all = await this.#events.readStream(streamId, range)
    return {
      state: all.events.reduce(evolve, this.#aggregate.initialState()),
      version: all.events.at(-1)?.streamPosition ?? 0,
      snapshotVersion: 0,
    }
  }

  /** The latest snapshot if it can be trusted for this load, else `undefined` (a full replay). */
  async #usableSnapshot(
    aggregateId: string,
    upTo: number | undefined,
  ): Promise<{ version: number; state: State } | undefined> {
    const aggregate = this.#aggregate
    try {
      const snapshot = await this.#snapshots.load(aggregate.type, aggregateId)
      if (snapshot === undefined || snapshot.revision !== aggregate.snapshotRevision) return undefined
      if (!Number.isSafeInteger(snapshot.version) || snapshot.version < 1) return undefined
      // Time travel to before the snapshot: its state already includes later events.
      if (upTo !== undefined && snapshot.version > upTo) return undefined
      return { version: snapshot.version, state: aggregate.parseState(snapshot.state) }
    } catch (error) {
      // Unreadable store or unparseable state: a cache miss, never a failed load.
      this.#onSnapshotError(error)
      return undefined
    }
  }
}
