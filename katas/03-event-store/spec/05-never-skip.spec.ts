import { flushPending, waitFor } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import type { RecordedEvent } from '#impl'
import { onBackendsWithConcurrentReaders, onEveryBackend, onPostgresServer } from './support/backends.ts'
import {
  eventIdsOf,
  globalPositionsOf,
  orderIdsOf,
  shopEvents,
  strictlyIncreasing,
} from './support/events.ts'
import { holdAppendOpen, readAllOnceVisible } from './support/holds.ts'

// The commit-order problem. A position handed out when a row is inserted becomes visible when its
// transaction commits, and transactions commit in any order. A reader that polls
// `position > checkpoint` while a slow append holds position 7 and a fast one has committed 8
// moves its checkpoint to 8 and never reads 7. These specs hold an append open (inside its
// `beforeCommit` hook) and require that readers never move past it, and read it once it commits.
//
// Holding an append open while others commit and a reader reads needs several connections: the
// held-open specs run on PostgreSQL and in memory. PGlite has a single connection (every query
// waits for the open transaction), so it runs the rollback spec only.

/** A reader that polls like a projection does: read after the checkpoint, move the checkpoint. */
function pollingReader(
  store: { readAll: (o: { after: bigint }) => Promise<RecordedEvent[]> },
  after: bigint,
) {
  const seen: RecordedEvent[] = []
  let checkpoint = after
  return {
    seen,
    get checkpoint() {
      return checkpoint
    },
    async poll(): Promise<RecordedEvent[]> {
      const events = await store.readAll({ after: checkpoint })
      seen.push(...events)
      if (events.length > 0) checkpoint = events.at(-1)!.globalPosition
      return events
    },
    /** Polls until it has seen `count` events in all. */
    async pollUntil(count: number, what: string): Promise<void> {
      await waitFor(
        async () => {
          await this.poll()
          return seen.length >= count
        },
        { what, timeoutMs: 10_000 },
      )
    },
  }
}

describe('step 5: never skip an event', () => {
  onBackendsWithConcurrentReaders((backend) => {
    it('a reader never moves past an append that is still open, and reads it once it commits', async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      await store.appendToStream('order-o-0', [shop.orderPlaced('o-0')])
      const [first] = await readAllOnceVisible(store, 1)
      const reader = pollingReader(store, first!.globalPosition)

      const slow = holdAppendOpen(store, 'order-slow', [shop.orderPlaced('slow')])
      let fast: Promise<unknown> | undefined
      try {
        const slowPosition = await slow.held
        // A later append, from another client. On PostgreSQL it commits while the slow one is
        // open; a store may also make it wait, but then it must not hand out an earlier position.
        fast = otherStore.appendToStream('order-fast', [shop.orderPlaced('fast')])
        fast.catch(() => undefined) // awaited below; never an unobserved rejection meanwhile
        if (backend.kind === 'PostgreSQL') await fast
        else await flushPending()

        await reader.poll()
        await reader.poll()
        expect(orderIdsOf(reader.seen), 'an uncommitted event is never readable').not.toContain('slow')
        expect(
          reader.seen.filter((e) => e.globalPosition >= slowPosition).map((e) => e.event.eventType),
          'the reader moved its checkpoint past the open append',
        ).toEqual([])
        expect(await store.headPosition()).toBeLessThan(slowPosition)
      } finally {
        slow.commit()
      }
      await expect(slow.settled).resolves.toEqual({ ok: true })
      await fast

      await reader.pollUntil(2, 'the reader to read the slow and the fast event')
      expect(orderIdsOf(reader.seen).sort()).toEqual(['fast', 'slow'])
      expect(strictlyIncreasing(globalPositionsOf(reader.seen))).toBe(true)
      // Nothing the reader missed: it has exactly what the log holds after its start.
      expect(reader.seen).toEqual(await store.readAll({ after: first!.globalPosition }))
    })
  })

  onPostgresServer((backend) => {
    it('appends to other streams commit while one is held open: nothing serialises every writer', async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      const slow = holdAppendOpen(store, 'order-slow', [shop.orderPlaced('slow')])
      try {
        await slow.held
        let committed = 0
        const fast = Promise.all(
          ['a', 'b', 'c'].map((id) => otherStore.appendToStream(`order-${id}`, [shop.orderPlaced(id)])),
        ).then(() => {
          committed = 3
        })
        await waitFor(() => committed === 3, {
          what: 'appends to other streams to commit while an earlier append is still open (a global lock?)',
          timeoutMs: 12_000,
        })
        await fast
      } finally {
        slow.commit()
      }
      await expect(slow.settled).resolves.toEqual({ ok: true })
      expect(orderIdsOf(await readAllOnceVisible(store, 4)).sort()).toEqual(['a', 'b', 'c', 'slow'])
    })

    it('a reader that polls while later appends commit around two open ones still reads every event once', async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      const reader = pollingReader(store, 0n)
      const first = holdAppendOpen(store, 'order-first', [
        shop.orderPlaced('first-1'),
        shop.orderShipped('first-1'),
      ])
      let second: ReturnType<typeof holdAppendOpen> | undefined
      try {
        const firstPosition = await first.held
        const final = (events: RecordedEvent[]) => events.filter((e) => e.globalPosition >= firstPosition)
        await otherStore.appendToStream('order-a', [shop.orderPlaced('a')])
        second = holdAppendOpen(store, 'order-second', [shop.orderPlaced('second')])
        await second.held
        await otherStore.appendToStream('order-b', [shop.orderPlaced('b')])
        await reader.poll()
        expect(final(reader.seen), 'the reader moved past the oldest open append').toEqual([])

        // The younger open append commits first, then the older one.
        second.commit()
        await second.settled
        await otherStore.appendToStream('order-c', [shop.orderPlaced('c')])
        await reader.poll()
        expect(final(reader.seen), 'the reader moved past the oldest open append').toEqual([])
      } finally {
        second?.commit()
        first.commit()
      }
      await first.settled

      await reader.pollUntil(6, 'the reader to read all six events')
      const all = await store.readAll()
      expect(reader.seen).toEqual(all)
      expect(new Set(eventIdsOf(reader.seen)).size).toBe(6)
      expect(orderIdsOf(reader.seen).sort()).toEqual(['a', 'b', 'c', 'first-1', 'first-1', 'second'])
    })

    it('when the open append rolls back instead, readers move past its hole at once', async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      const reader = pollingReader(store, 0n)
      const doomed = holdAppendOpen(store, 'order-doomed', [shop.orderPlaced('doomed')])
      try {
        const doomedPosition = await doomed.held
        await otherStore.appendToStream('order-a', [shop.orderPlaced('a')])
        await reader.poll()
        expect(reader.seen.filter((e) => e.globalPosition >= doomedPosition)).toEqual([])
      } finally {
        doomed.abort()
      }
      await expect(doomed.settled).resolves.toMatchObject({ ok: false })

      await reader.pollUntil(1, 'the reader to move past the rolled-back append')
      expect(orderIdsOf(reader.seen)).toEqual(['a'])
      expect(await store.readStream('order-doomed')).toMatchObject({ streamExists: false })
    })
  })

  onEveryBackend((backend) => {
    it('a rolled-back append leaves nothing to read, and the hole it leaves never stalls readers', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await store.appendToStream('order-o-1', [shop.orderPlaced('o-1')])
      const [first] = await readAllOnceVisible(store, 1)
      const reader = pollingReader(store, first!.globalPosition)

      await expect(
        store.appendToStream('order-o-2', [shop.orderPlaced('o-2'), shop.paymentProcessed('o-2')], {
          beforeCommit: () => {
            throw new Error('rolled back on purpose')
          },
        }),
      ).rejects.toThrow('rolled back on purpose')
      await store.appendToStream('order-o-3', [shop.orderPlaced('o-3')])

      await reader.pollUntil(1, 'the reader to read past the rolled-back append')
      expect(orderIdsOf(reader.seen)).toEqual(['o-3'])
      expect(reader.seen[0]!.globalPosition).toBeGreaterThan(first!.globalPosition)
      expect(await store.readStream('order-o-2')).toMatchObject({ events: [], streamExists: false })
    })
  })
})
