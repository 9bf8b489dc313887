import type { EventEnvelope, JsonValue } from '@eda/events'

/** An event as the store holds it: the envelope plus its place in the stream (1, 2, 3...). */
export interface RecordedEvent extends EventEnvelope {
  readonly streamId: string
  /** 1 for the first event of a stream; the stream's version is the position of its last event. */
  readonly streamPosition: number
}

export interface ReadStreamOptions {
  /** First position to read, inclusive (default 1). */
  readonly from?: number
  /** Last position to read, inclusive (default: the end of the stream). */
  readonly to?: number
}

export interface ReadStreamResult {
  readonly events: readonly RecordedEvent[]
  /** The version of the whole stream (0 when it does not exist), whatever range was read. */
  readonly streamVersion: number
}

export interface AppendOptions {
  /** The version the writer saw: the append fails with ConcurrencyError if the stream moved on. */
  readonly expectedVersion: number
}

export interface AppendResult {
  /** The stream's version after the append: the expected version for the next one. */
  readonly nextExpectedVersion: number
}

/** What the repository needs from an event store (given: `InMemoryEventStore`). */
export interface EventStore {
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>
  appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions,
  ): Promise<AppendResult>
}

/**
 * How to rebuild one kind of aggregate from its events, and how to trust a snapshot of it.
 * `State` is plain JSON, so a snapshot can be stored as it is.
 */
export interface Aggregate<State extends JsonValue> {
  /** Names the stream (`Cart-<id>`) and keys the snapshots: `Cart`. */
  readonly type: string
  initialState(): State
  /** Pure: returns the next state, never changes the one it is given. */
  evolve(state: State, event: EventEnvelope): State
  /**
   * The schema revision of the snapshot state. Bump it whenever `State` or `evolve` changes:
   * snapshots written by older code then no longer match and are ignored.
   */
  readonly snapshotRevision: number
  /** Reads a snapshot's state back; throws when the JSON is not a state of this revision. */
  parseState(json: JsonValue): State
}

/** A cached state of one aggregate at one version of its stream. */
export interface Snapshot {
  readonly aggregateType: string
  readonly aggregateId: string
  /** The stream version the state includes: events 1..version are folded into it. */
  readonly version: number
  /** The aggregate's `snapshotRevision` when the snapshot was taken. */
  readonly revision: number
  readonly state: JsonValue
}

/** Where snapshots live: one (the newest) per aggregate type and id. */
export interface SnapshotStore {
  /** The newest snapshot of that aggregate, or `undefined`. */
  load(aggregateType: string, aggregateId: string): Promise<Snapshot | undefined>
  /** Keeps the snapshot unless the store already holds one at the same or a newer version. */
  save(snapshot: Snapshot): Promise<void>
}

/** A rebuilt aggregate: its state and the version of its stream. */
export interface Loaded<State> {
  readonly state: State
  /** The stream version the state includes: the expected version for the next append. */
  readonly version: number
}

export interface LoadOptions {
  /** Time travel: the state as of this stream version (a non-negative integer). */
  readonly version?: number
}

/** Decides what happened, from the current state: the events to append (possibly none). */
export type Decide<State> = (state: State, version: number) => readonly EventEnvelope[]

export interface ExecuteResult {
  /** The stream version after the command. */
  readonly version: number
  /** `saved`: a snapshot was taken; `not-due`: fewer than N events since the last; `failed`: saving it failed. */
  readonly snapshot: 'saved' | 'not-due' | 'failed'
}

export interface SnapshottingRepositoryOptions<State extends JsonValue> {
  readonly aggregate: Aggregate<State>
  readonly eventStore: EventStore
  readonly snapshotStore: SnapshotStore
  /** Take a snapshot once this many events were appended since the last one: a positive integer. */
  readonly snapshotEvery: number
  /** Told about a snapshot that could not be loaded or saved; the load or command goes on. */
  readonly onSnapshotError?: (error: unknown) => void
}

/** Anything that runs parameterised SQL: a `pg.Client`, a `pg.Pool`, a PGlite instance. */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>
}
