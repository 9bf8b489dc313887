import type { EventEnvelope } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
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
} from './types.ts'

/**
 * The event store in memory: write this one first, step by step, then the SQL one. Both must
 * pass the same specs. Read the kata README for the decisions each step checks.
 */
export class InMemoryEventStore implements EventStore {
  /**
   * Step 1: give the events positions 1, 2, 3... in their stream and a global position, keep them.
   * Step 2: check `options.expectedVersion` (ConcurrencyError), run `beforeCommit` before the
   * events become visible (if it throws, keep nothing), recognise a retry of the same eventIds.
   * Step 3: stay correct when appends overlap (what may happen while you `await`?).
   * Step 7: validate every argument before changing anything.
   */
  appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    void [streamId, events, options]
    return Promise.reject(
      new NotImplementedError('InMemoryEventStore.appendToStream', 'store the events at the next positions'),
    )
  }

  /** Step 1: the stream's events forwards or backwards, `from` (inclusive) and `maxCount`. Step 7: validate. */
  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    void [streamId, options]
    return Promise.reject(
      new NotImplementedError(
        'InMemoryEventStore.readStream',
        'return the stream, its version and whether it exists',
      ),
    )
  }

  /** Step 4: every stream's events in global order, after a checkpoint, filtered. Step 5: never skip one. */
  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    void options
    return Promise.reject(
      new NotImplementedError('InMemoryEventStore.readAll', 'return the global log after `after`'),
    )
  }

  /** Step 4: the global position of the last event readAll can return; 0n when empty. */
  headPosition(): Promise<bigint> {
    return Promise.reject(
      new NotImplementedError('InMemoryEventStore.headPosition', 'return the last global position'),
    )
  }

  /** Step 6: `return CatchUpSubscription.start(this, options)` once that class works. */
  subscribe(options: SubscribeOptions): Promise<Subscription> {
    void options
    return Promise.reject(
      new NotImplementedError('InMemoryEventStore.subscribe', 'start a catch-up subscription'),
    )
  }
}
