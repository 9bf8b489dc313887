import type { EventEnvelope } from '@eda/events'
import { describe, expect, it } from 'vitest'
import { ConcurrencyError, type EventStore, type ExpectedVersion, NO_STREAM } from '#impl'
import { onBackendsWithConcurrentReaders, onEveryBackend } from './support/backends.ts'
import { eventIdsOf, shopEvents, streamPositionsOf } from './support/events.ts'
import { holdAppendOpen } from './support/holds.ts'

// On PostgreSQL the two writers use two connection pools, like two processes: their statements
// really interleave in the server. In memory and on PGlite (one connection) the interleaving is
// JavaScript's: a store that awaits anything between its version check and its write loses.

/** Races two appends on `streams` streams at once; returns each race's outcome. */
async function race(
  streams: readonly string[],
  append: (streamId: string, writer: 0 | 1) => Promise<unknown>,
): Promise<Array<[PromiseSettledResult<unknown>, PromiseSettledResult<unknown>]>> {
  return Promise.all(
    streams.map(async (streamId) => {
      const [a, b] = await Promise.allSettled([append(streamId, 0), append(streamId, 1)])
      return [a, b] as [PromiseSettledResult<unknown>, PromiseSettledResult<unknown>]
    }),
  )
}

function expectOneWinner(outcome: [PromiseSettledResult<unknown>, PromiseSettledResult<unknown>]): 0 | 1 {
  const winners = outcome.filter((o) => o.status === 'fulfilled')
  const losers = outcome.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []))
  expect(winners, 'exactly one of two racing appends fulfils').toHaveLength(1)
  // Never a raw driver error (such as a unique violation): the loser gets a ConcurrencyError.
  expect(losers[0]).toBeInstanceOf(ConcurrencyError)
  return outcome[0].status === 'fulfilled' ? 0 : 1
}

describe('step 3: races between writers', () => {
  // The race made certain: the winner is held open after writing, and the others start while it
  // is. On PostgreSQL they block on the unique index entry the winner holds, and fail with a
  // unique violation when it commits: the store must turn that into a ConcurrencyError, or into a
  // fresh attempt for ANY. PGlite (one connection) cannot run an append beside an open one.
  onBackendsWithConcurrentReaders((backend) => {
    it('writers that start while the winner is still open: the exact one gets a ConcurrencyError, ANY lands after it', async () => {
      const { store, otherStore, waitUntilBlocked } = await backend.open()
      const shop = shopEvents()
      await store.appendToStream('order-o-1', [shop.orderPlaced('o-1')])
      const winner = holdAppendOpen(store, 'order-o-1', [shop.paymentProcessed('o-1')], {
        expectedVersion: 1,
      })
      // Settled results: whichever way they end, nothing rejects unobserved while the test waits.
      let racers: Promise<PromiseSettledResult<unknown>[]> | undefined
      try {
        await winner.held
        racers = Promise.allSettled([
          otherStore.appendToStream('order-o-1', [shop.orderShipped('o-1')], { expectedVersion: 1 }),
          otherStore.appendToStream('order-o-1', [shop.orderShipped('o-1-any')]),
        ])
        await waitUntilBlocked(2)
      } finally {
        winner.commit()
      }
      await expect(winner.settled).resolves.toEqual({ ok: true })

      const [exact, any] = (await racers) ?? []
      expect(exact?.status, 'the append that expected version 1').toBe('rejected')
      const error = exact?.status === 'rejected' ? exact.reason : undefined
      expect(error).toBeInstanceOf(ConcurrencyError)
      expect(error).toMatchObject({ streamId: 'order-o-1', expected: 1, actual: expect.any(Number) })
      expect(any).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 3 } })
      const read = await store.readStream('order-o-1')
      expect(read.events.map((e) => e.event.eventType)).toEqual([
        'OrderPlaced',
        'PaymentProcessed',
        'OrderShipped',
      ])
      expect(streamPositionsOf(read.events)).toEqual([1, 2, 3])
    })
  })

  onEveryBackend((backend) => {
    const streams = Array.from({ length: 10 }, (_, i) => `order-${i}`)

    it('two appends with the same expected version at once: exactly one wins, the stream has its events only', async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      for (const streamId of streams) await store.appendToStream(streamId, [shop.orderPlaced(streamId)])
      const batches = new Map<string, [EventEnvelope[], EventEnvelope[]]>(
        streams.map((s) => [s, [[shop.paymentProcessed(s), shop.orderShipped(s)], [shop.orderShipped(s)]]]),
      )

      const outcomes = await race(streams, (streamId, writer) =>
        [store, otherStore][writer]!.appendToStream(streamId, batches.get(streamId)![writer], {
          expectedVersion: 1,
        }),
      )

      for (const [i, streamId] of streams.entries()) {
        const winner = expectOneWinner(outcomes[i]!)
        const read = await store.readStream(streamId)
        const expected = [
          read.events[0]!.event.eventId,
          ...batches.get(streamId)![winner].map((e) => e.eventId),
        ]
        expect(eventIdsOf(read.events)).toEqual(expected)
        expect(streamPositionsOf(read.events)).toEqual(expected.map((_, p) => p + 1))
      }
    })

    it('two creations of the same stream at once (NO_STREAM): exactly one wins', async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      const batches = new Map<string, [EventEnvelope[], EventEnvelope[]]>(
        streams.map((s) => [s, [[shop.orderPlaced(s)], [shop.orderPlaced(s), shop.orderShipped(s)]]]),
      )

      const outcomes = await race(streams, (streamId, writer) =>
        [store, otherStore][writer]!.appendToStream(streamId, batches.get(streamId)![writer], {
          expectedVersion: NO_STREAM,
        }),
      )

      for (const [i, streamId] of streams.entries()) {
        const winner = expectOneWinner(outcomes[i]!)
        const read = await store.readStream(streamId)
        expect(eventIdsOf(read.events)).toEqual(batches.get(streamId)![winner].map((e) => e.eventId))
      }
    })

    it('appends with ANY at once all land, at contiguous positions', async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      const events = Array.from({ length: 20 }, (_, i) => shop.orderShipped(`o-${i}`))

      await Promise.all(events.map((event, i) => [store, otherStore][i % 2]!.appendToStream('busy', [event])))

      const read = await store.readStream('busy')
      expect(streamPositionsOf(read.events)).toEqual(events.map((_, i) => i + 1))
      expect(eventIdsOf(read.events).sort()).toEqual(events.map((e) => e.eventId).sort())
    })

    // PGlite runs one statement at a time: there 50 racing writers cost 1,275 serial attempts and
    // show nothing that 10 do not.
    const writers = backend.kind === 'PGlite' ? 10 : 50

    // Up to 1,275 attempts in a row on one stream: give a busy machine time.
    it(`${writers} concurrent writers that retry on conflict leave a contiguous stream: nothing lost, nothing doubled`, {
      timeout: 60_000,
    }, async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      const events = Array.from({ length: writers }, (_, i) => shop.orderShipped(`o-${i}`))
      let conflicts = 0

      // Each writer does what a command handler does: read the version, decide, append, and on a
      // conflict read again and retry.
      const writer = async (event: EventEnvelope, client: EventStore) => {
        for (;;) {
          const { currentVersion } = await client.readStream('hot')
          const expectedVersion: ExpectedVersion = currentVersion
          try {
            return await client.appendToStream('hot', [event], { expectedVersion })
          } catch (error) {
            if (!(error instanceof ConcurrencyError)) throw error
            conflicts++
          }
        }
      }
      await Promise.all(events.map((event, i) => writer(event, [store, otherStore][i % 2]!)))

      const read = await store.readStream('hot')
      expect(streamPositionsOf(read.events)).toEqual(events.map((_, i) => i + 1))
      expect(eventIdsOf(read.events).sort()).toEqual(events.map((e) => e.eventId).sort())
      expect(new Set(eventIdsOf(read.events)).size).toBe(writers)
      expect(conflicts, 'the writers really raced').toBeGreaterThan(0)
    })
  })
})
