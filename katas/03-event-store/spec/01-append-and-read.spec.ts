import type { EventEnvelope } from '@eda/events'
import { describe, expect, it } from 'vitest'
import { NO_STREAM } from '#impl'
import { onEveryBackend } from './support/backends.ts'
import { orderIdsOf, shopEvents, streamPositionsOf } from './support/events.ts'

describe('step 1: append and read a stream', () => {
  onEveryBackend((backend) => {
    it('appends events to a new stream at positions 1, 2... in call order', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      const events = [shop.orderPlaced('o-1'), shop.paymentProcessed('o-1'), shop.orderShipped('o-1')]

      const result = await store.appendToStream('order-o-1', events)

      expect(result).toEqual({
        nextExpectedVersion: 3,
        createdNewStream: true,
        lastGlobalPosition: expect.any(BigInt),
      })
      const read = await store.readStream('order-o-1')
      expect(streamPositionsOf(read.events)).toEqual([1, 2, 3])
      expect(read.events.map((e) => e.streamId)).toEqual(['order-o-1', 'order-o-1', 'order-o-1'])
      expect(read.events.map((e) => e.event)).toEqual(events)
      expect(read.events.at(-1)?.globalPosition).toBe(result.lastGlobalPosition)
      expect(read).toMatchObject({ currentVersion: 3, streamExists: true })
    })

    it('continues a stream where it ended, and numbers each stream on its own', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await store.appendToStream('order-o-1', [shop.orderPlaced('o-1'), shop.paymentProcessed('o-1')])
      await store.appendToStream('order-o-2', [shop.orderPlaced('o-2')])

      const third = await store.appendToStream('order-o-1', [shop.orderShipped('o-1')])

      expect(third).toMatchObject({ nextExpectedVersion: 3, createdNewStream: false })
      const first = await store.readStream('order-o-1')
      expect(streamPositionsOf(first.events)).toEqual([1, 2, 3])
      expect(first.events.map((e) => e.event.eventType)).toEqual([
        'OrderPlaced',
        'PaymentProcessed',
        'OrderShipped',
      ])
      const second = await store.readStream('order-o-2')
      expect(streamPositionsOf(second.events)).toEqual([1])
      expect(orderIdsOf(second.events)).toEqual(['o-2'])
    })

    it('reads a stream that does not exist as empty, with NO_STREAM as its version (no error)', async () => {
      const { store } = await backend.open()
      await store.appendToStream('order-o-1', [shopEvents().orderPlaced('o-1')])

      await expect(store.readStream('order-o-404')).resolves.toEqual({
        events: [],
        currentVersion: NO_STREAM,
        streamExists: false,
      })
    })

    it('reads forwards from a position (inclusive) and at most maxCount events', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await store.appendToStream(
        'cart-1',
        ['a', 'b', 'c', 'd', 'e'].map((id) => shop.orderPlaced(id)),
      )
      const positions = async (options: Parameters<typeof store.readStream>[1]) => {
        const read = await store.readStream('cart-1', options)
        expect(read.currentVersion).toBe(5)
        return streamPositionsOf(read.events)
      }

      expect(await positions({ from: 1 })).toEqual([1, 2, 3, 4, 5])
      expect(await positions({ from: 2 })).toEqual([2, 3, 4, 5])
      expect(await positions({ maxCount: 2 })).toEqual([1, 2])
      expect(await positions({ from: 2, maxCount: 2 })).toEqual([2, 3])
      expect(await positions({ from: 4, maxCount: 10 })).toEqual([4, 5])
      expect(await positions({ from: 5 })).toEqual([5])
      expect(await positions({ from: 6 })).toEqual([])
    })

    it('reads backwards, newest first, from the end or from a position (inclusive)', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await store.appendToStream(
        'cart-1',
        ['a', 'b', 'c', 'd', 'e'].map((id) => shop.orderPlaced(id)),
      )
      const positions = async (options: Parameters<typeof store.readStream>[1]) =>
        streamPositionsOf((await store.readStream('cart-1', { direction: 'backwards', ...options })).events)

      expect(await positions({})).toEqual([5, 4, 3, 2, 1])
      expect(await positions({ from: 2 })).toEqual([2, 1])
      expect(await positions({ maxCount: 2 })).toEqual([5, 4])
      expect(await positions({ from: 4, maxCount: 2 })).toEqual([4, 3])
      expect(await positions({ from: 1 })).toEqual([1])
      expect(await positions({ from: 9, maxCount: 1 })).toEqual([5])
      const newestFirst = await store.readStream('cart-1', { direction: 'backwards', maxCount: 1 })
      expect(orderIdsOf(newestFirst.events)).toEqual(['e'])
    })

    it('returns data and metadata deep-equal to what was appended', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      const data = {
        text: 'quotes " \' backslash \\ newline \n tab \t',
        unicode: 'Zoë · 注文 · 🚀 · \u00e9\u0301',
        numbers: [0, -1, 1.5, 99.99, 0.1, 1e21, Number.MAX_SAFE_INTEGER, -273.15],
        flags: [true, false, null],
        nested: { empty: {}, list: [], deep: { deeper: { deepest: ['x', { y: 'z' }] } } },
        'key with spaces': 'and "quotes"',
      }
      const event = {
        ...shop.custom('CartCheckedOut', data),
        correlationId: 'corr-7',
        causationId: 'cmd-3',
        metadata: { userId: 'u-1', tenant: 'acme', trace: { spanId: 's-1', sampled: true } },
      }

      await store.appendToStream('cart-1', [event])

      const [read] = (await store.readStream('cart-1')).events
      expect(read?.event).toEqual(event)
      expect(read?.event.data).toStrictEqual(data)
    })

    it('keeps positions and the recorded time in its own hands, whatever the caller sends', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      const honest = shop.orderPlaced('o-1', { streamPosition: '42', recordedAt: '1999-01-01T00:00:00.000Z' })
      const forged = {
        ...honest,
        streamId: 'someone-else',
        streamPosition: 99,
        globalPosition: 99,
        recordedAt: '1999-01-01T00:00:00.000Z',
      } as EventEnvelope

      const result = await store.appendToStream('order-o-1', [forged])

      const [read] = (await store.readStream('order-o-1')).events
      expect(read).toMatchObject({ streamId: 'order-o-1', streamPosition: 1 })
      expect(read?.globalPosition).toBe(result.lastGlobalPosition)
      expect(read?.recordedAt).toBeInstanceOf(Date)
      expect(read?.recordedAt.getUTCFullYear()).toBeGreaterThan(2000)
      // The envelope comes back without the forged fields, and the caller's metadata untouched.
      expect(read?.event).toEqual(honest)
      expect(read?.event.metadata).toEqual({ streamPosition: '42', recordedAt: '1999-01-01T00:00:00.000Z' })
      expect(await store.readStream('someone-else')).toMatchObject({ streamExists: false })
    })

    it('hands out copies: changing an event after appending or reading it changes nothing stored', async () => {
      const { store } = await backend.open()
      const event = shopEvents().orderPlaced('o-1')
      const original = structuredClone(event)
      await store.appendToStream('order-o-1', [event])
      ;(event.data as { orderId: string }).orderId = 'changed by the writer'

      const [read] = (await store.readStream('order-o-1')).events
      try {
        ;(read?.event.data as { orderId: string }).orderId = 'changed by a reader'
        ;(read?.event.metadata as Record<string, string>).note = 'changed by a reader'
      } catch {
        // A frozen event refuses the change: that is fine too.
      }

      const [again] = (await store.readStream('order-o-1')).events
      expect(again?.event).toEqual(original)
    })
  })
})
