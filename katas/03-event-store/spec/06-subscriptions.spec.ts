import { Collector, deferred, flushPending, waitFor } from '@eda/testkit'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { EventStore, RecordedEvent, SubscribeOptions, Subscription } from '#impl'
import { onEveryBackend } from './support/backends.ts'
import { globalPositionsOf, orderIdsOf, shopEvents, strictlyIncreasing } from './support/events.ts'
import { readAllOnceVisible } from './support/holds.ts'

// Live events reach a subscription by polling; on PostgreSQL an event also waits for older
// transactions on the server to end. So waits there are generous, and name what they wait for.

/** Subscribes, and stops the subscription when the test ends, whatever happens. */
async function subscribe(store: EventStore, options: SubscribeOptions): Promise<Subscription> {
  const subscription = await store.subscribe({ pollIntervalMs: 10, ...options })
  onTestFinished(() => subscription.stop())
  return subscription
}

async function appendOrders(store: EventStore, shop: ReturnType<typeof shopEvents>, ids: readonly string[]) {
  for (const id of ids) await store.appendToStream(`order-${id}`, [shop.orderPlaced(id)])
}

describe('step 6: catch-up subscriptions', () => {
  onEveryBackend((backend) => {
    const LIVE = backend.kind === 'in memory' ? 2_000 : 10_000

    it('from the start: history, then live events, with no gap or duplicate at the seam, caught up once', async () => {
      const { store, otherStore } = await backend.open()
      const shop = shopEvents()
      await appendOrders(store, shop, ['o-1', 'o-2', 'o-3'])
      await readAllOnceVisible(store, 3)
      const got = new Collector<RecordedEvent>()
      const firstHandled = deferred()
      const gate = deferred()
      let caughtUp = 0

      await subscribe(store, {
        handler: async (event) => {
          got.push(event)
          if (got.items.length === 1) {
            firstHandled.resolve()
            await gate.promise
          }
        },
        onCaughtUp: () => caughtUp++,
      })
      // While the history is being handled, another client appends: these land at the seam.
      await firstHandled.promise
      await appendOrders(otherStore, shop, ['o-4', 'o-5'])
      gate.resolve()
      await waitFor(() => caughtUp > 0, { what: 'the subscription to catch up', timeoutMs: LIVE })
      await appendOrders(otherStore, shop, ['o-6'])

      await got.waitForCount(6, 'events handled', LIVE)
      await flushPending()
      expect(orderIdsOf(got.items)).toEqual(['o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6'])
      expect(strictlyIncreasing(globalPositionsOf(got.items))).toBe(true)
      expect(caughtUp, 'onCaughtUp is called once').toBe(1)
    })

    it('catches up at once on an empty store, then hands over live events', async () => {
      const { store } = await backend.open()
      const got = new Collector<RecordedEvent>()
      let caughtUp = 0

      await subscribe(store, { handler: got.push, onCaughtUp: () => caughtUp++ })
      await waitFor(() => caughtUp === 1, {
        what: 'the subscription to catch up on an empty store',
        timeoutMs: LIVE,
      })
      await appendOrders(store, shopEvents(), ['o-1'])

      await got.waitForCount(1, 'live events handled', LIVE)
      expect(orderIdsOf(got.items)).toEqual(['o-1'])
    })

    it('from the end: only events appended after it started', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await appendOrders(store, shop, ['old-1', 'old-2'])
      await readAllOnceVisible(store, 2)
      const got = new Collector<RecordedEvent>()

      const subscription = await subscribe(store, { from: 'end', handler: got.push })
      await appendOrders(store, shop, ['new-1', 'new-2'])

      await got.waitForCount(2, 'new events handled', LIVE)
      expect(orderIdsOf(got.items)).toEqual(['new-1', 'new-2'])
      await subscription.stop()
      expect(orderIdsOf(got.items)).toEqual(['new-1', 'new-2'])
    })

    it('from a checkpoint: only the events after it (exclusive)', async () => {
      const { store } = await backend.open()
      await appendOrders(store, shopEvents(), ['o-1', 'o-2', 'o-3', 'o-4'])
      const all = await readAllOnceVisible(store, 4)
      const got = new Collector<RecordedEvent>()

      await subscribe(store, { from: { after: all[1]!.globalPosition }, handler: got.push })

      await got.waitForCount(2, 'events after the checkpoint handled', LIVE)
      expect(got.items).toEqual(all.slice(2))
    })

    it('a restarted subscriber resumes from its stored checkpoint: nothing missed, nothing repeated', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await appendOrders(store, shop, ['o-1', 'o-2', 'o-3'])
      const before = await readAllOnceVisible(store, 3)
      const firstRun = new Collector<RecordedEvent>()
      const first = await subscribe(store, { handler: firstRun.push })
      await firstRun.waitForCount(3, 'events handled by the first run', LIVE)
      await first.stop()
      const stored = first.checkpoint
      expect(stored).toBe(before[2]!.globalPosition)

      // Down for a while: two more events arrive.
      await appendOrders(store, shop, ['o-4', 'o-5'])
      const secondRun = new Collector<RecordedEvent>()
      await subscribe(store, { from: { after: stored }, handler: secondRun.push })

      await secondRun.waitForCount(2, 'events handled after the restart', LIVE)
      await flushPending()
      expect(orderIdsOf(firstRun.items)).toEqual(['o-1', 'o-2', 'o-3'])
      expect(orderIdsOf(secondRun.items)).toEqual(['o-4', 'o-5'])
    })

    it('a handler error at event k ends it with the checkpoint at k−1; a restart hands over k again', async () => {
      const { store } = await backend.open()
      await appendOrders(store, shopEvents(), ['o-1', 'o-2', 'o-3', 'o-4'])
      const all = await readAllOnceVisible(store, 4)
      const handled: string[] = []
      const failure = new Error('projection failed on o-3')

      const subscription = await subscribe(store, {
        handler: (event) => {
          const [id] = orderIdsOf([event])
          if (id === 'o-3') throw failure
          handled.push(id!)
        },
      })

      await expect(subscription.done).resolves.toEqual({
        reason: 'handler-failed',
        event: all[2],
        error: failure,
      })
      expect(subscription.checkpoint).toBe(all[1]!.globalPosition)
      expect(handled, 'nothing after the failing event is handed over').toEqual(['o-1', 'o-2'])

      const again = new Collector<RecordedEvent>()
      await subscribe(store, { from: { after: subscription.checkpoint }, handler: again.push })
      await again.waitForCount(2, 'events handled after the restart', LIVE)
      expect(orderIdsOf(again.items)).toEqual(['o-3', 'o-4'])
    })

    it('hands over one event at a time: the next waits until the handler has settled', async () => {
      const { store } = await backend.open()
      await appendOrders(store, shopEvents(), ['o-1', 'o-2', 'o-3'])
      await readAllOnceVisible(store, 3)
      let running = 0
      let mostAtOnce = 0
      const gates = [deferred(), deferred(), deferred()]
      const started: string[] = []

      await subscribe(store, {
        handler: async (event) => {
          running++
          mostAtOnce = Math.max(mostAtOnce, running)
          started.push(orderIdsOf([event])[0]!)
          await gates[started.length - 1]!.promise
          running--
        },
      })

      await waitFor(() => started.length === 1, {
        what: 'the first event to be handed over',
        timeoutMs: LIVE,
      })
      await flushPending()
      expect(started).toEqual(['o-1'])
      for (const gate of gates) gate.resolve()
      await waitFor(() => started.length === 3 && running === 0, {
        what: 'all three handled',
        timeoutMs: LIVE,
      })
      expect(mostAtOnce).toBe(1)
      expect(started).toEqual(['o-1', 'o-2', 'o-3'])
    })

    it('stop() waits for the handler in flight, hands over nothing afterwards, and can be called twice', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      await appendOrders(store, shop, ['o-1', 'o-2'])
      await readAllOnceVisible(store, 2)
      const inFlight = deferred()
      const release = deferred()
      const handled: string[] = []

      const subscription = await subscribe(store, {
        handler: async (event) => {
          inFlight.resolve()
          await release.promise
          handled.push(orderIdsOf([event])[0]!)
        },
      })
      await inFlight.promise
      let stopped = false
      const stopping = subscription.stop().then(() => {
        stopped = true
      })
      await flushPending()
      expect(stopped, 'stop() resolved while a handler was still running').toBe(false)

      release.resolve()
      await stopping
      expect(handled).toEqual(['o-1'])
      await expect(subscription.done).resolves.toEqual({ reason: 'stopped' })
      await appendOrders(store, shop, ['o-3'])
      await expect(subscription.stop()).resolves.toBeUndefined()
      await flushPending()
      expect(handled).toEqual(['o-1'])
      expect(subscription.checkpoint).toBe((await store.readAll())[0]!.globalPosition)
    })
  })
})
