import type { EventEnvelope, JsonValue, Metadata } from '@eda/events'

/**
 * An event as a row in the log, in whatever shape it was written years ago. `version` is the
 * schema version it was written at: absent (or null) on rows from before versions were recorded,
 * which count as version 1, and a string such as "2.0" from producers that wrote it that way.
 */
export interface StoredEvent {
  readonly streamId: string
  /** 1 for the first event of a stream. */
  readonly streamPosition: number
  /** Order across all streams, starting at 1. */
  readonly globalPosition: number
  readonly eventId: string
  readonly eventType: string
  readonly version?: number | string | null
  readonly timestamp: string
  readonly correlationId: string
  readonly causationId: string | null
  readonly data: JsonValue
  readonly metadata: Metadata
}

/** What a writer hands the log: positions are the log's to assign. */
export type NewStoredEvent = Omit<StoredEvent, 'streamId' | 'streamPosition' | 'globalPosition'>

/** An event as the code reads it: an envelope at the latest version of its type, and its positions. */
export interface RecordedEvent<TData = unknown> extends EventEnvelope<string, TData> {
  readonly streamId: string
  readonly streamPosition: number
  readonly globalPosition: number
}

export interface ReadStreamOptions {
  /** First stream position to read, inclusive (default 1). */
  readonly from?: number
}

export interface ReadAllOptions {
  /** Read the events after this global position, exclusive (default 0: from the start). */
  readonly after?: number
}

export interface SubscribeOptions extends ReadAllOptions {
  /** Told when the handler throws; the subscription stops there. */
  readonly onError?: (error: unknown) => void
}

export interface Subscription {
  unsubscribe(): void
}

/**
 * Given: the raw event log the katas builds on (in memory or in PostgreSQL). It stores and returns
 * events exactly as written; it knows nothing of versions.
 */
export interface EventLog {
  append(streamId: string, events: readonly NewStoredEvent[]): Promise<readonly StoredEvent[]>
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly StoredEvent[]>
  readAll(options?: ReadAllOptions): Promise<readonly StoredEvent[]>
  /** Every event after `options.after`, then each new one as it is appended, one at a time, in order. */
  subscribe(handler: (event: StoredEvent) => void | Promise<void>, options?: SubscribeOptions): Subscription
}

/**
 * One step of an event type's chain: takes `data` at `fromVersion` and returns it at `toVersion`
 * (always `fromVersion + 1`). Pure and synchronous: a new value, the input untouched, no clock,
 * no I/O. `event` is the envelope at `fromVersion` (its metadata, ids, positions) for reading only.
 */
export interface Upcaster {
  readonly eventType: string
  readonly fromVersion: number
  readonly toVersion: number
  // Method syntax on purpose: an upcaster may declare the precise type of the data it reads.
  upcast(data: unknown, event: RecordedEvent): unknown
}

/** What the code knows about event schemas today. */
export interface UpcastingSchema {
  /** The version this code reads and writes, per event type (every type it knows). */
  readonly latest: Readonly<Record<string, number>>
  /** The steps from every older version to the latest; one per type and version. */
  readonly upcasters?: readonly Upcaster[]
  /** Type names events were once stored under, and the name they are read as now. */
  readonly renamed?: Readonly<Record<string, string>>
  /** The longest chain (upcasting steps, or renames followed) allowed: 16 unless said otherwise. */
  readonly maxSteps?: number
}

/** How to fold one stream into a state. */
export interface Aggregate<State> {
  initialState(): State
  evolve(state: State, event: RecordedEvent): State
  /** The schema revision of the state (not of any event): snapshots of another revision are ignored. */
  readonly snapshotRevision: number
}

/** A folded state of a stream at a version (kata 04 covers taking and trusting them). */
export interface Snapshot {
  readonly streamId: string
  readonly version: number
  readonly revision: number
  readonly state: unknown
}

export interface SnapshotStore {
  load(streamId: string): Promise<Snapshot | undefined>
  save(snapshot: Snapshot): Promise<void>
}

export interface AggregateStreamOptions {
  /** Start from the stream's snapshot when there is one of the aggregate's revision. */
  readonly snapshots?: SnapshotStore
}

export interface Aggregated<State> {
  readonly state: State
  /** The stream version the state includes. */
  readonly version: number
}

/** Anything that runs parameterised SQL: a `pg.Client`, a `pg.Pool`, a PGlite instance. */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>
}
