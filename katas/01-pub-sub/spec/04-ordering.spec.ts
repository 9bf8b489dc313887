import { Collector, deferred, flushPending, waitFor } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import { type DeliveredEvent, EventBus } from '#impl'
import { orderIds, shopEvents } from './support/shop-events.ts'

describe('step 4: order and independence with async handlers', () => {
  it('gives each subscriber the events in publish order, even when handlers are async and uneven', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const handled: string[] = []
    // The first event takes longest: a handler that does not wait for itself would reorder.
    const gates = [deferred(), deferred(), deferred()]
    let calls = 0
    bus.subscribe({ topic: '#' }, async (event) => {
      const gate = gates[calls++]
      await gate?.promise
      handled.push((event.data as { orderId: string }).orderId)
    })
    for (const id of ['o-1', 'o-2', 'o-3']) await bus.publish('shop.order.placed', events.orderPlaced(id))
    await waitFor(() => calls >= 1, { what: 'the first handler call' })
    gates[2]?.resolve()
    gates[1]?.resolve()
    gates[0]?.resolve()
    await bus.close()
    expect(handled).toEqual(['o-1', 'o-2', 'o-3'])
  })

  it('does not start a subscriber’s next event before its handler for the previous one settles', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const first = deferred()
    let inFlight = 0
    let maxInFlight = 0
    let calls = 0
    bus.subscribe({ topic: '#' }, async () => {
      calls++
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      if (calls === 1) await first.promise
      inFlight--
    })
    await bus.publish('shop.order.placed', events.orderPlaced('o-1'))
    await bus.publish('shop.order.placed', events.orderPlaced('o-2'))
    await waitFor(() => calls >= 1, { what: 'the first handler call' })
    await flushPending()
    expect(calls).toBe(1)
    first.resolve()
    await bus.close()
    expect(calls).toBe(2)
    expect(maxInFlight).toBe(1)
  })

  it('lets a fast subscriber receive everything while a slow one is still busy', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const stuck = deferred()
    const slow: string[] = []
    const fast = new Collector<DeliveredEvent>()
    bus.subscribe({ topic: '#' }, async (event) => {
      await stuck.promise
      slow.push((event.data as { orderId: string }).orderId)
    })
    bus.subscribe({ topic: '#' }, fast.push)
    for (const id of ['o-1', 'o-2', 'o-3']) await bus.publish('shop.order.placed', events.orderPlaced(id))
    expect(orderIds(await fast.waitForCount(3, 'events for the fast subscriber'))).toEqual([
      'o-1',
      'o-2',
      'o-3',
    ])
    expect(slow).toEqual([])
    stuck.resolve()
    await bus.close()
    expect(slow).toEqual(['o-1', 'o-2', 'o-3'])
  })

  it('never makes the publisher wait for a handler', async () => {
    const bus = new EventBus()
    const never = deferred()
    let calls = 0
    bus.subscribe({ topic: '#' }, async () => {
      calls++
      await never.promise
    })
    const events = shopEvents()
    for (const id of ['o-1', 'o-2', 'o-3']) await bus.publish('shop.order.placed', events.orderPlaced(id))
    await waitFor(() => calls >= 1, { what: 'the handler to start' })
    await flushPending()
    expect(calls).toBe(1)
    never.resolve()
    await bus.close()
    expect(calls).toBe(3)
  })
})
