import type { EventEnvelope, JsonValue } from '@eda/events'
import { uniqueName } from '@eda/testkit'
import {
  type Aggregate,
  type CartState,
  cartAggregate,
  type EventStore,
  InMemoryEventStore,
  InMemorySnapshotStore,
  type SnapshotStore,
  SnapshottingRepository,
  streamIdOf,
} from '#impl'
import { cartEvents, replay, someItems } from './cart-events.ts'
import { countingEventStore } from './counting-event-store.ts'

export interface CartFixtureOptions {
  readonly snapshotEvery: number
  readonly snapshotStore?: SnapshotStore
  readonly aggregate?: Aggregate<CartState>
  readonly onSnapshotError?: (error: unknown) => void
  /** Puts a wrapper around the (read-counting) event store the repository uses. */
  readonly wrapEventStore?: (store: EventStore) => EventStore
}

/**
 * A repository over a fresh in-memory event store (wrapped in a read counter) and snapshot store,
 * a unique cart id, and helpers to write events straight into the stream.
 */
export function cartFixture(options: CartFixtureOptions) {
  const eventStore = new InMemoryEventStore()
  const counting = countingEventStore(eventStore)
  const snapshotStore = options.snapshotStore ?? new InMemorySnapshotStore()
  const aggregate = options.aggregate ?? cartAggregate
  const cartId = uniqueName('cart')
  const streamId = streamIdOf(aggregate.type, cartId)
  const events = cartEvents()
  const repository = new SnapshottingRepository({
    aggregate,
    eventStore: options.wrapEventStore ? options.wrapEventStore(counting.store) : counting.store,
    snapshotStore,
    snapshotEvery: options.snapshotEvery,
    ...(options.onSnapshotError ? { onSnapshotError: options.onSnapshotError } : {}),
  })

  /** Every event in the stream, read straight from the store. */
  const stream = async () => (await eventStore.readStream(streamId)).events

  return {
    repository,
    eventStore,
    counting,
    snapshotStore,
    aggregate,
    cartId,
    streamId,
    events,
    stream,
    /** Writes `count` events straight into the stream (no repository, no snapshot). */
    async seed(count: number): Promise<EventEnvelope[]> {
      const version = (await eventStore.readStream(streamId)).streamVersion
      const written = someItems(events, cartId, count, version)
      await eventStore.appendToStream(streamId, written, { expectedVersion: version })
      return written
    },
    /** Saves a snapshot of the first `version` events, as a correct snapshot would hold it. */
    async snapshotAt(version: number, overrides: { revision?: number; state?: JsonValue } = {}) {
      const state = replay((await stream()).slice(0, version))
      await snapshotStore.save({
        aggregateType: aggregate.type,
        aggregateId: cartId,
        version,
        revision: overrides.revision ?? aggregate.snapshotRevision,
        state: overrides.state === undefined ? state : overrides.state,
      })
    },
    /** A decide function that adds `count` items, one event per item. */
    add(count: number) {
      let offset = 1000
      return () => {
        offset += count
        return someItems(events, cartId, count, offset)
      }
    },
  }
}
