import { MessageValidationError } from '@eda/events'
import { describe, expect, it } from 'vitest'
import { ANY, ConcurrencyError, type EventStore, NO_STREAM, type RecordedEvent, STREAM_EXISTS } from '#impl'
import { onEveryBackend } from './support/backends.ts'
import { eventIdsOf, orderIdsOf, rejectionOf, shopEvents, streamPositionsOf } from './support/events.ts'

/** A stream holding two events, and the factory that made them. */
async function twoEventStream(store: EventStore, streamId = 'order-o-1') {
  const shop = shopEvents()
  await store.appendToStream(streamId, [shop.orderPlaced('o-1'), shop.paymentProcessed('o-1')])
  return shop
}

describe('step 2: optimistic concurrency', () => {
  onEveryBackend((backend) => {
    describe('expected version', () => {
      it('NO_STREAM creates a stream, and fails on one that exists', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        await expect(
          store.appendToStream('order-o-1', [shop.orderPlaced('o-1')], { expectedVersion: NO_STREAM }),
        ).resolves.toMatchObject({ nextExpectedVersion: 1, createdNewStream: true })

        const error = await rejectionOf(
          store.appendToStream('order-o-1', [shop.orderShipped('o-1')], { expectedVersion: NO_STREAM }),
        )
        expect(error).toBeInstanceOf(ConcurrencyError)
        expect(error).toMatchObject({ streamId: 'order-o-1', expected: NO_STREAM, actual: 1 })
      })

      it('STREAM_EXISTS fails on a missing stream (actual NO_STREAM) and appends to an existing one', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        const error = await rejectionOf(
          store.appendToStream('order-o-1', [shop.orderPlaced('o-1')], { expectedVersion: STREAM_EXISTS }),
        )
        expect(error).toBeInstanceOf(ConcurrencyError)
        expect(error).toMatchObject({ streamId: 'order-o-1', expected: STREAM_EXISTS, actual: NO_STREAM })

        await store.appendToStream('order-o-1', [shop.orderPlaced('o-1')])
        await expect(
          store.appendToStream('order-o-1', [shop.orderShipped('o-1')], { expectedVersion: STREAM_EXISTS }),
        ).resolves.toMatchObject({ nextExpectedVersion: 2, createdNewStream: false })
      })

      it('an exact version appends when it is the current version, and returns the next one', async () => {
        const { store } = await backend.open()
        const shop = await twoEventStream(store)

        const result = await store.appendToStream('order-o-1', [shop.orderShipped('o-1')], {
          expectedVersion: 2,
        })

        expect(result).toMatchObject({ nextExpectedVersion: 3, createdNewStream: false })
        const more = await store.appendToStream('order-o-1', [shop.orderShipped('o-1')], {
          expectedVersion: result.nextExpectedVersion,
        })
        expect(more.nextExpectedVersion).toBe(4)
      })

      it('a stale version fails with the stream, expected and actual in the error and its message', async () => {
        const { store } = await backend.open()
        const shop = await twoEventStream(store, 'order-abc')

        const error = await rejectionOf(
          store.appendToStream('order-abc', [shop.orderShipped('o-1')], { expectedVersion: 1 }),
        )

        expect(error).toBeInstanceOf(ConcurrencyError)
        expect(error).toMatchObject({
          name: 'ConcurrencyError',
          streamId: 'order-abc',
          expected: 1,
          actual: 2,
        })
        // The stream id has no digits: the 1 and the 2 in the message are the versions.
        const message = (error as Error).message
        expect(message).toContain('order-abc')
        expect(message).toMatch(/\b1\b/)
        expect(message).toMatch(/\b2\b/)
      })

      it('a version ahead of the stream fails too, and so does an exact version on a missing stream', async () => {
        const { store } = await backend.open()
        const shop = await twoEventStream(store)

        await expect(
          store.appendToStream('order-o-1', [shop.orderShipped('o-1')], { expectedVersion: 3 }),
        ).rejects.toMatchObject({ name: 'ConcurrencyError', expected: 3, actual: 2 })
        const missing = await rejectionOf(
          store.appendToStream('order-o-2', [shop.orderPlaced('o-2')], { expectedVersion: 1 }),
        )
        expect(missing).toBeInstanceOf(ConcurrencyError)
        expect(missing).toMatchObject({ streamId: 'order-o-2', expected: 1, actual: NO_STREAM })
      })

      it('ANY, and no option at all, append whatever the version', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        await store.appendToStream('order-o-1', [shop.orderPlaced('o-1')], { expectedVersion: ANY })
        await store.appendToStream('order-o-1', [shop.paymentProcessed('o-1')], { expectedVersion: ANY })
        await store.appendToStream('order-o-1', [shop.orderShipped('o-1')])

        const read = await store.readStream('order-o-1')
        expect(streamPositionsOf(read.events)).toEqual([1, 2, 3])
      })

      it('a conflict writes nothing: the stream and the log are as they were', async () => {
        const { store } = await backend.open()
        const shop = await twoEventStream(store)
        const before = await store.readStream('order-o-1')

        await expect(
          store.appendToStream('order-o-1', [shop.orderShipped('o-1'), shop.orderShipped('o-1')], {
            expectedVersion: 1,
          }),
        ).rejects.toBeInstanceOf(ConcurrencyError)

        expect(await store.readStream('order-o-1')).toEqual(before)
        // The next append takes position 3: the failed one used up nothing.
        await store.appendToStream('order-o-1', [shop.orderShipped('o-1')], { expectedVersion: 2 })
        expect(streamPositionsOf((await store.readStream('order-o-1')).events)).toEqual([1, 2, 3])
      })
    })

    describe('atomic batches', () => {
      it('hands the events, positioned, to beforeCommit once, before anyone can read them', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        const calls: RecordedEvent[][] = []

        const result = await store.appendToStream(
          'order-o-1',
          [shop.orderPlaced('o-1'), shop.orderShipped('o-1')],
          {
            beforeCommit: (events) => {
              calls.push([...events])
            },
          },
        )

        expect(calls).toHaveLength(1)
        expect(streamPositionsOf(calls[0] ?? [])).toEqual([1, 2])
        expect(calls[0]?.at(-1)?.globalPosition).toBe(result.lastGlobalPosition)
        expect(calls[0]).toEqual((await store.readStream('order-o-1')).events)
      })

      it('a batch whose beforeCommit fails stores none of its events, and the next append starts clean', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        await store.appendToStream('order-o-1', [shop.orderPlaced('o-1')])
        const failure = new Error('inline projection failed')

        const error = await rejectionOf(
          store.appendToStream(
            'order-o-1',
            [shop.paymentProcessed('o-1'), shop.orderShipped('o-1'), shop.orderShipped('o-1')],
            {
              expectedVersion: 1,
              beforeCommit: () => {
                throw failure
              },
            },
          ),
        )

        expect(error).toBe(failure)
        const read = await store.readStream('order-o-1')
        expect(read.currentVersion).toBe(1)
        expect(orderIdsOf(read.events)).toEqual(['o-1'])
        await store.appendToStream('order-o-1', [shop.orderShipped('o-1')], { expectedVersion: 1 })
        expect(streamPositionsOf((await store.readStream('order-o-1')).events)).toEqual([1, 2])
      })

      it('a batch with an invalid third event stores none of them', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        const bad = { ...shop.orderShipped('o-1'), data: { orderId: 'o-1', total: 10n } }

        await expect(
          store.appendToStream('order-o-1', [shop.orderPlaced('o-1'), shop.paymentProcessed('o-1'), bad]),
        ).rejects.toBeInstanceOf(MessageValidationError)

        expect(await store.readStream('order-o-1')).toMatchObject({ events: [], streamExists: false })
      })
    })

    describe('retries after a lost reply', () => {
      it('the same append again (same eventIds) stores nothing twice and returns the same result', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        const events = [shop.orderPlaced('o-1'), shop.paymentProcessed('o-1')]
        const first = await store.appendToStream('order-o-1', events, { expectedVersion: NO_STREAM })

        // The reply was lost; the caller sends exactly the same request again.
        const retry = await store.appendToStream('order-o-1', events, { expectedVersion: NO_STREAM })

        expect(retry).toEqual(first)
        const read = await store.readStream('order-o-1')
        expect(eventIdsOf(read.events)).toEqual(events.map((e) => e.eventId))
      })

      it('is recognised with ANY, and after another writer has moved the stream on', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        const events = [shop.orderPlaced('o-1')]
        const first = await store.appendToStream('order-o-1', events)
        await store.appendToStream('order-o-1', [shop.orderShipped('o-1')])

        await expect(store.appendToStream('order-o-1', events)).resolves.toEqual(first)
        await expect(
          store.appendToStream('order-o-1', events, { expectedVersion: NO_STREAM }),
        ).resolves.toEqual(first)
        expect((await store.readStream('order-o-1')).currentVersion).toBe(2)
      })

      it('refuses an eventId that is already stored as part of another append, writing nothing', async () => {
        const { store } = await backend.open()
        const shop = shopEvents()
        const placed = shop.orderPlaced('o-1')
        await store.appendToStream('order-o-1', [placed])

        const error = await rejectionOf(store.appendToStream('order-o-2', [shop.orderPlaced('o-2'), placed]))

        expect(error).toBeInstanceOf(MessageValidationError)
        expect((error as Error).message).toContain(placed.eventId)
        expect(await store.readStream('order-o-2')).toMatchObject({ streamExists: false })
        expect((await store.readStream('order-o-1')).currentVersion).toBe(1)
      })
    })
  })
})
