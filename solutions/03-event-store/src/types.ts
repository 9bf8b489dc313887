import type { EventEnvelope } from '@eda/events'
import type { ExpectedVersion, StreamVersion } from './expected-version.ts'

/**
 * An event as the store keeps it: the envelope the caller appended, and the fields only the store
 * sets. Callers cannot choose positions or the recorded time; whatever they put in the envelope's
 * `metadata` is theirs and comes back unchanged.
 */
export interface RecordedEvent {
  readonly streamId: string
  /** Position in its stream: 1, 2, 3... with no gaps. */
  readonly streamPosition: number
  /** Position in the whole store: strictly increasing in read order; gaps are allowed. */
  readonly globalPosition: bigint
  /** When the store recorded it (the store's clock, not the caller's). */
  readonly recordedAt: Date
  readonly event: EventEnvelope
}

export interface AppendOptions {
  /** Default `ANY`. Anything else is checked atomically with the write. */
  readonly expectedVersion?: ExpectedVersion
  /**
   * Runs inside the append, once the events have their positions and before anyone can read
   * them (on PostgreSQL: inside the transaction, before COMMIT). Throwing or rejecting aborts
   * the append: nothing is stored, and the append rejects with that error. Inline projections
   * that must commit together with the events hook in here.
   */
  readonly beforeCommit?: (events: readonly RecordedEvent[]) => void | Promise<void>
}

export interface AppendResult {
  /** The stream's version after the append: pass it as `expectedVersion` next time. */
  readonly nextExpectedVersion: number
  /** True when this append wrote the stream's first event. */
  readonly createdNewStream: boolean
  /** The global position of the last event appended. */
  readonly lastGlobalPosition: bigint
}

export interface ReadStreamOptions {
  /** Default `forwards`. */
  readonly direction?: 'forwards' | 'backwards'
  /**
   * Stream position to start at, inclusive (an integer ≥ 1). Forwards: events at positions ≥ from,
   * default 1. Backwards: events at positions ≤ from, newest first, default the last event.
   */
  readonly from?: number
  /** At most this many events (an integer ≥ 1). Default: all. */
  readonly maxCount?: number
}

export interface ReadStreamResult {
  readonly events: RecordedEvent[]
  /** The stream's version, whatever window was read: its last position, or `NO_STREAM`. */
  readonly currentVersion: StreamVersion
  readonly streamExists: boolean
}

export interface EventFilter {
  /** Only events of these types. */
  readonly eventTypes?: readonly string[]
  /** Only events of streams whose id starts with this text (taken literally). */
  readonly streamPrefix?: string
}

export interface ReadAllOptions {
  /** A checkpoint: only events with a greater global position (exclusive). Default 0n: from the start. */
  readonly after?: bigint
  /** At most this many events (an integer ≥ 1), counted after filtering. Default: all. */
  readonly maxCount?: number
  readonly filter?: EventFilter
}

/** Where a subscription starts: the beginning, the current end, or after a stored checkpoint. */
export type SubscriptionStart = 'start' | 'end' | { readonly after: bigint }

export interface SubscribeOptions {
  /** Called for each event in global order, one at a time: the next waits until this one settles. */
  readonly handler: (event: RecordedEvent) => void | Promise<void>
  /** Default `start`. `{ after }` is exclusive: pass the checkpoint of the last event you handled. */
  readonly from?: SubscriptionStart
  /** Called once, the first time the subscription has handled every event it could see. */
  readonly onCaughtUp?: () => void
  /** Events read per query (an integer ≥ 1). Default 100. */
  readonly batchSize?: number
  /** How long to wait before polling again once caught up, in ms (an integer ≥ 1). Default 25. */
  readonly pollIntervalMs?: number
}

/** Why a subscription ended. */
export type SubscriptionEnd =
  | { readonly reason: 'stopped' }
  /** The handler threw on `event`; the checkpoint stays at the event before it. */
  | { readonly reason: 'handler-failed'; readonly event: RecordedEvent; readonly error: unknown }
  /** Reading the store failed (e.g. the database went away). */
  | { readonly reason: 'read-failed'; readonly error: unknown }

export interface Subscription {
  /** Global position of the last event the handler finished; where to resume after a restart. */
  readonly checkpoint: bigint
  /** Settles (never rejects) when the subscription has ended, saying why. */
  readonly done: Promise<SubscriptionEnd>
  /** Stops polling, waits for the handler in flight, then resolves. Safe to call twice. */
  stop(): Promise<void>
}

/** What both stores offer. The in-memory one and the PostgreSQL one pass the same specs. */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options?: AppendOptions,
  ): Promise<AppendResult>
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>
  /**
   * Events of every stream in global order, after a checkpoint. Only events whose position is
   * final: no event committed later may get a smaller one, so a reader never skips an event.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>
  /** Global position of the last event `readAll` can return now; 0n when there is none. */
  headPosition(): Promise<bigint>
  /** A catch-up subscription: history first, then live events, with no gap or duplicate between. */
  subscribe(options: SubscribeOptions): Promise<Subscription>
}
