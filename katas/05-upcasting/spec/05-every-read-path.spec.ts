import { Collector, deferred, uniqueName } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import {
  InMemoryEventLog,
  InMemorySnapshotStore,
  OutdatedEventVersionError,
  type RecordedEvent,
  shopSchema,
  UnknownEventTypeError,
  UnknownEventVersionError,
  UpcasterRegistry,
  UpcastingEventStore,
} from '#impl'
import { newShopEvents, orderSummary, shopHistory } from './support/shop-events.ts'
import { spyLog } from './support/spy-log.ts'

function setup() {
  const raw = new InMemoryEventLog()
  const spy = spyLog(raw)
  const store = new UpcastingEventStore(spy.log, new UpcasterRegistry(shopSchema))
  return { raw, spy, store, history: shopHistory(), streamId: uniqueName('Order') }
}

const versions = (events: readonly RecordedEvent[]) => events.map((e) => `${e.eventType} v${e.version}`)

describe('step 5: every read path upcasts, every write is at the latest version', () => {
  describe('writing', () => {
    it('appends new events at the latest version of their type', async () => {
      const { raw, store, streamId } = setup()
      const events = newShopEvents()
      const written = await store.appendToStream(streamId, [
        events.orderPlaced('o-1', 40),
        events.orderShipped('o-1'),
      ])
      expect(versions(written)).toEqual(['OrderPlaced v3', 'OrderShipped v1'])
      expect((await raw.readStream(streamId)).map((e) => e.version)).toEqual([3, 1])
    })

    it('refuses a batch holding an event at an older version, and writes none of it', async () => {
      const { raw, store, streamId } = setup()
      const events = newShopEvents()
      const batch = [events.orderPlaced('o-1', 40), events.orderPlaced('o-2', 50, 2)]
      const error = await store.appendToStream(streamId, batch).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(OutdatedEventVersionError)
      expect(error).toMatchObject({ eventType: 'OrderPlaced', version: 2, latest: 3 })
      expect(await raw.readStream(streamId)).toEqual([])
    })

    it('refuses an event newer than the code knows, or under a type it does not write', async () => {
      const { store, streamId } = setup()
      const events = newShopEvents()
      await expect(store.appendToStream(streamId, [events.orderPlaced('o-1', 40, 4)])).rejects.toBeInstanceOf(
        UnknownEventVersionError,
      )
      const oldName = { ...events.orderPlaced('o-2', 40), eventType: 'OrderSubmitted' }
      await expect(store.appendToStream(streamId, [oldName])).rejects.toBeInstanceOf(UnknownEventTypeError)
    })
  })

  describe('reading', () => {
    it('readStream reads every stored shape at the latest version and leaves the rows as they were', async () => {
      const { raw, store, history, streamId } = setup()
      await raw.append(streamId, [history.v1('o-1', 10), history.submitted('o-2', 20), history.v2('o-3', 30)])
      const before = await raw.readStream(streamId)
      const read = await store.readStream(streamId)
      expect(versions(read)).toEqual(['OrderPlaced v3', 'OrderPlaced v3', 'OrderPlaced v3'])
      expect(read.map((e) => (e.data as { totalAmount: number }).totalAmount)).toEqual([10, 20, 30])
      expect(read.map((e) => e.eventId)).toEqual(before.map((e) => e.eventId))
      expect(await raw.readStream(streamId)).toEqual(before)
    })

    it('readStream from a position upcasts what it reads', async () => {
      const { raw, store, history, streamId } = setup()
      await raw.append(streamId, [history.v1('o-1', 10), history.v1('o-2', 20), history.v1('o-3', 30)])
      const read = await store.readStream(streamId, { from: 2 })
      expect(read.map((e) => [e.streamPosition, e.version])).toEqual([
        [2, 3],
        [3, 3],
      ])
    })

    it('readAll reads every stream in global order, upcast, after a position', async () => {
      const { raw, store, history } = setup()
      const [a, b] = [uniqueName('Order'), uniqueName('Order')]
      await raw.append(a, [history.v1('o-1', 10)])
      await raw.append(b, [history.submitted('o-2', 20), history.shipped('o-2')])
      await raw.append(a, [history.v2('o-1', 10)])
      const all = await store.readAll()
      expect(all.map((e) => [e.globalPosition, e.streamId, e.eventType, e.version])).toEqual([
        [1, a, 'OrderPlaced', 3],
        [2, b, 'OrderPlaced', 3],
        [3, b, 'OrderShipped', 1],
        [4, a, 'OrderPlaced', 3],
      ])
      expect((await store.readAll({ after: 2 })).map((e) => e.globalPosition)).toEqual([3, 4])
    })

    it('subscribe delivers old and new events upcast, catching up first, then live', async () => {
      const { raw, store, history, streamId } = setup()
      await raw.append(streamId, [history.v1('o-1', 10)])
      const received = new Collector<RecordedEvent>()
      const subscription = store.subscribe(received.push)
      await raw.append(streamId, [history.submitted('o-2', 20), history.v2('o-3', 30)])
      const events = await received.waitForCount(3, 'upcast events from the subscription')
      subscription.unsubscribe()
      expect(versions(events)).toEqual(['OrderPlaced v3', 'OrderPlaced v3', 'OrderPlaced v3'])
      expect(events.map((e) => (e.data as { orderId: string }).orderId)).toEqual(['o-1', 'o-2', 'o-3'])
    })

    it('stops a subscription at an event the code cannot read, reporting it, never delivering it raw', async () => {
      const { raw, store, history, streamId } = setup()
      const received = new Collector<RecordedEvent>()
      const failed = deferred<unknown>()
      store.subscribe(received.push, { onError: failed.resolve })
      const fromTheFuture = { ...history.v2('o-2', 20), version: 4 }
      await raw.append(streamId, [history.v1('o-1', 10), fromTheFuture, history.v1('o-3', 30)])
      expect(await failed.promise).toBeInstanceOf(UnknownEventVersionError)
      expect(versions(received.items)).toEqual(['OrderPlaced v3'])
    })
  })

  describe('aggregating', () => {
    it('folds a stream mixing versions to the same state as one written at the latest version', async () => {
      const { raw, store, history } = setup()
      const [old, today] = [uniqueName('Order'), uniqueName('Order')]
      await raw.append(old, [
        history.v1('o-1', 10, { userId: 'u-1' }),
        history.v2('o-2', 20, {}),
        history.shipped('o-2'),
      ])
      const items = [{ sku: 'book-1', quantity: 1, unitPrice: 20 }]
      await raw.append(today, [
        history.v3('o-1', {
          customer: { id: 'cust-456' },
          items: [],
          totalAmount: 10,
          currency: 'USD',
          placedBy: 'u-1',
        }),
        history.v3('o-2', {
          customer: { id: 'cust-456' },
          items,
          totalAmount: 20,
          currency: 'USD',
          placedBy: null,
        }),
        history.shipped('o-2'),
      ])
      const folded = await store.aggregateStream(old, orderSummary)
      expect(folded).toEqual(await store.aggregateStream(today, orderSummary))
      expect(folded).toEqual({
        version: 3,
        state: {
          orders: 2,
          revenue: { USD: 30 },
          customers: ['cust-456', 'cust-456'],
          placedBy: ['u-1', null],
          shipped: 1,
        },
      })
    })

    it("starts from a snapshot of the aggregate's revision and upcasts the tail after it", async () => {
      const { raw, spy, store, history, streamId } = setup()
      const snapshots = new InMemorySnapshotStore()
      await raw.append(streamId, [history.v1('o-1', 10), history.v2('o-2', 20)])
      const { state, version } = await store.aggregateStream(streamId, orderSummary)
      await snapshots.save({ streamId, version, revision: orderSummary.snapshotRevision, state })
      await raw.append(streamId, [history.submitted('o-3', 30), history.v1('o-4', 40)])
      spy.readFrom.length = 0
      const loaded = await store.aggregateStream(streamId, orderSummary, { snapshots })
      expect(spy.readFrom).toEqual([3])
      expect(loaded).toMatchObject({ version: 4, state: { orders: 4, revenue: { USD: 100 } } })
    })

    it("ignores a snapshot of another revision: the state has its own schema, apart from the events'", async () => {
      const { raw, spy, store, history, streamId } = setup()
      const snapshots = new InMemorySnapshotStore()
      await raw.append(streamId, [history.v1('o-1', 10), history.v2('o-2', 20)])
      await snapshots.save({ streamId, version: 2, revision: 0, state: { orderCount: 2 } })
      spy.readFrom.length = 0
      const loaded = await store.aggregateStream(streamId, orderSummary, { snapshots })
      expect(spy.readFrom).toEqual([1])
      expect(loaded).toMatchObject({ version: 2, state: { orders: 2, revenue: { USD: 30 } } })
    })
  })
})
