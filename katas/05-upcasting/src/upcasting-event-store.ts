import type { EventEnvelope } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
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
} from './types.ts'
import type { UpcasterRegistry } from './upcaster-registry.ts'

/**
 * Step 5. The event log as the code sees it: every read path hands out events at their latest
 * version, and every write is at the latest version. The log's rows are never rewritten.
 */
export class UpcastingEventStore {
  /** Step 5: keep the log and the registry; do no I/O here. */
  constructor(log: EventLog, upcasters: UpcasterRegistry) {
    void [log, upcasters]
  }

  /**
   * Step 5: validate each event (`parseEvent`), refuse the whole batch unless every event is at the
   * latest version of a known type, then append; return the events as they will be read.
   */
  appendToStream(streamId: string, events: readonly EventEnvelope[]): Promise<readonly RecordedEvent[]> {
    void [streamId, events]
    return Promise.reject(
      new NotImplementedError('UpcastingEventStore.appendToStream', 'append events at the latest version'),
    )
  }

  /** Step 5: the stream's events, upcast. */
  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    void [streamId, options]
    return Promise.reject(
      new NotImplementedError('UpcastingEventStore.readStream', 'read the stream, upcast'),
    )
  }

  /** Step 5: every stream's events in global order, upcast. */
  readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    void options
    return Promise.reject(new NotImplementedError('UpcastingEventStore.readAll', 'read all events, upcast'))
  }

  /** Step 5: the log's subscription, upcast; an event that cannot be upcast is never delivered raw. */
  subscribe(
    handler: (event: RecordedEvent) => void | Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription {
    void [handler, options]
    throw new NotImplementedError('UpcastingEventStore.subscribe', 'deliver upcast events to the handler')
  }

  /** Step 5: fold the stream, from a snapshot of the aggregate's revision when there is one; upcast the tail. */
  aggregateStream<State>(
    streamId: string,
    aggregate: Aggregate<State>,
    options: AggregateStreamOptions = {},
  ): Promise<Aggregated<State>> {
    void [streamId, aggregate, options]
    return Promise.reject(
      new NotImplementedError('UpcastingEventStore.aggregateStream', 'fold the snapshot and the upcast tail'),
    )
  }
}
