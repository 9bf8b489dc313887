import { describe, expect, it } from 'vitest'
import type { EventStore, RecordedEvent } from '#impl'
import { onEveryBackend } from './support/backends.ts'
import { globalPositionsOf, orderIdsOf, shopEvents, strictlyIncreasing } from './support/events.ts'
import { readAllOnceVisible } from './support/holds.ts'

/** Three orders written in turns: o-1 placed, o-2 placed, o-1 paid, o-3 placed, o-2 paid, o-1 shipped. */
async function interleavedOrders(store: EventStore) {
  const shop = shopEvents()
  await store.appendToStream('order-o-1', [shop.orderPlaced('o-1')])
  await store.appendToStream('order-o-2', [shop.orderPlaced('o-2')])
  await store.appendToStream('order-o-1', [shop.paymentProcessed('o-1')])
  await store.appendToStream('order-o-3', [shop.orderPlaced('o-3')])
  await store.appendToStream('order-o-2', [shop.paymentProcessed('o-2')])
  await store.appendToStream('order-o-1', [shop.orderShipped('o-1')])
  // On PostgreSQL, events join the global log once older transactions on the server have ended.
  await readAllOnceVisible(store, 6)
  return shop
}

const summary = (events: readonly RecordedEvent[]) =>
  events.map((e) => `${e.streamId}@${e.streamPosition} ${e.event.eventType}`)

describe('step 4: read all streams in global order', () => {
  onEveryBackend((backend) => {
    it('returns the events of every stream interleaved as they were appended, positions strictly increasing', async () => {
      const { store } = await backend.open()
      await interleavedOrders(store)

      const all = await store.readAll()

      expect(summary(all)).toEqual([
        'order-o-1@1 OrderPlaced',
        'order-o-2@1 OrderPlaced',
        'order-o-1@2 PaymentProcessed',
        'order-o-3@1 OrderPlaced',
        'order-o-2@2 PaymentProcessed',
        'order-o-1@3 OrderShipped',
      ])
      expect(strictlyIncreasing(globalPositionsOf(all))).toBe(true)
      // A stream read and the global log agree on every event.
      expect((await store.readStream('order-o-1')).events).toEqual(
        all.filter((e) => e.streamId === 'order-o-1'),
      )
    })

    it('keeps a batch together in the global order', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await store.appendToStream('order-o-1', [shop.orderPlaced('o-1')])
      const batch = await store.appendToStream('order-o-2', [
        shop.orderPlaced('o-2'),
        shop.paymentProcessed('o-2'),
      ])
      await store.appendToStream('order-o-1', [shop.paymentProcessed('o-1')])

      const all = await readAllOnceVisible(store, 4)

      expect(summary(all)).toEqual([
        'order-o-1@1 OrderPlaced',
        'order-o-2@1 OrderPlaced',
        'order-o-2@2 PaymentProcessed',
        'order-o-1@2 PaymentProcessed',
      ])
      expect(all[2]?.globalPosition).toBe(batch.lastGlobalPosition)
    })

    it('reads after a checkpoint, exclusive, and pages with maxCount without losing or repeating events', async () => {
      const { store } = await backend.open()
      await interleavedOrders(store)
      const all = await store.readAll()

      expect(await store.readAll({ after: all[1]!.globalPosition })).toEqual(all.slice(2))
      expect(await store.readAll({ after: all[5]!.globalPosition })).toEqual([])
      expect(await store.readAll({ after: 0n, maxCount: 2 })).toEqual(all.slice(0, 2))

      const paged: RecordedEvent[] = []
      for (let after = 0n; ; ) {
        const page = await store.readAll({ after, maxCount: 4 })
        paged.push(...page)
        if (page.length < 4) break
        after = page.at(-1)!.globalPosition
      }
      expect(paged).toEqual(all)
    })

    it('filters by event type and by stream prefix; maxCount counts the matching events', async () => {
      const { store } = await backend.open()
      await interleavedOrders(store)
      const all = await store.readAll()

      const payments = await store.readAll({ filter: { eventTypes: ['PaymentProcessed'] } })
      expect(summary(payments)).toEqual(['order-o-1@2 PaymentProcessed', 'order-o-2@2 PaymentProcessed'])

      const o1 = await store.readAll({ filter: { streamPrefix: 'order-o-1' } })
      expect(orderIdsOf(o1)).toEqual(['o-1', 'o-1', 'o-1'])

      const both = await store.readAll({
        after: all[0]!.globalPosition,
        maxCount: 1,
        filter: { eventTypes: ['OrderPlaced', 'OrderShipped'], streamPrefix: 'order-' },
      })
      expect(summary(both)).toEqual(['order-o-2@1 OrderPlaced'])
    })

    it('takes a stream prefix literally: _ and % are not wildcards', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await store.appendToStream('cart_1', [shop.orderPlaced('underscore')])
      await store.appendToStream('cartX1', [shop.orderPlaced('letter')])
      await store.appendToStream('100%-sure', [shop.orderPlaced('percent')])
      await store.appendToStream('100-sure', [shop.orderPlaced('digits')])
      await readAllOnceVisible(store, 4)

      expect(orderIdsOf(await store.readAll({ filter: { streamPrefix: 'cart_' } }))).toEqual(['underscore'])
      expect(orderIdsOf(await store.readAll({ filter: { streamPrefix: '100%' } }))).toEqual(['percent'])
    })

    it('knows its head: 0n when empty, then the position of the last event', async () => {
      const { store } = await backend.open()
      expect(await store.headPosition()).toBe(0n)
      expect(await store.readAll()).toEqual([])

      await interleavedOrders(store)

      const all = await store.readAll()
      expect(await store.headPosition()).toBe(all.at(-1)?.globalPosition)
    })
  })
})
