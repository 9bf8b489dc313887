import { Collector, deferred, waitFor } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import {
  type DeliveredEvent,
  type DroppedEvent,
  EventBus,
  InvalidOptionError,
  type OverflowPolicy,
} from '#impl'
import { orderIds, shopEvents } from './support/shop-events.ts'

/**
 * One subscriber stuck on its first event while four are published, with room for two waiting.
 * A second, fast subscriber shows that the policy never touches anyone else.
 */
async function overflowScenario(overflow: OverflowPolicy) {
  const bus = new EventBus()
  const events = shopEvents()
  const gate = deferred()
  const handled: string[] = []
  const dropped = new Collector<DroppedEvent>()
  const fast = new Collector<DeliveredEvent>()
  bus.dropped$.subscribe(dropped.push)
  const slow = bus.subscribe(
    { topic: '#' },
    async (event) => {
      handled.push((event.data as { orderId: string }).orderId)
      await gate.promise
    },
    { name: 'slow-report', bufferSize: 2, overflow },
  )
  bus.subscribe({ topic: '#' }, fast.push, { name: 'fast' })
  await bus.publish('shop.order.placed', events.orderPlaced('o-1'))
  await waitFor(() => handled.length === 1, { what: 'the slow subscriber to start on o-1' })
  for (const id of ['o-2', 'o-3', 'o-4']) await bus.publish('shop.order.placed', events.orderPlaced(id))
  gate.resolve()
  await bus.close()
  return { handled, dropped: dropped.items, fast: orderIds(fast.items), slow, bus }
}

describe('step 6: a subscriber that falls behind has a bounded buffer', () => {
  it('drop-oldest: discards the oldest waiting event and reports it', async () => {
    const { handled, dropped, fast } = await overflowScenario('drop-oldest')
    expect(handled).toEqual(['o-1', 'o-3', 'o-4'])
    expect(orderIds(dropped.map((d) => d.event))).toEqual(['o-2'])
    expect(dropped[0]).toMatchObject({ subscriber: 'slow-report', policy: 'drop-oldest' })
    expect(fast).toEqual(['o-1', 'o-2', 'o-3', 'o-4'])
  })

  it('drop-newest: keeps the backlog and discards the incoming event', async () => {
    const { handled, dropped, fast } = await overflowScenario('drop-newest')
    expect(handled).toEqual(['o-1', 'o-2', 'o-3'])
    expect(orderIds(dropped.map((d) => d.event))).toEqual(['o-4'])
    expect(dropped[0]).toMatchObject({ subscriber: 'slow-report', policy: 'drop-newest' })
    expect(fast).toEqual(['o-1', 'o-2', 'o-3', 'o-4'])
  })

  it('unsubscribe: cuts the slow subscriber off and reports every event it will not get', async () => {
    const { handled, dropped, fast, slow, bus } = await overflowScenario('unsubscribe')
    expect(handled).toEqual(['o-1'])
    expect(orderIds(dropped.map((d) => d.event))).toEqual(['o-2', 'o-3', 'o-4'])
    expect(dropped.every((d) => d.policy === 'unsubscribe')).toBe(true)
    expect(slow.closed).toBe(true)
    expect(bus.subscriberCount).toBe(1)
    expect(fast).toEqual(['o-1', 'o-2', 'o-3', 'o-4'])
  })

  it('by default holds 1000 waiting events per subscriber and drops the oldest beyond that', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const gate = deferred()
    let calls = 0
    const dropped = new Collector<DroppedEvent>()
    bus.dropped$.subscribe(dropped.push)
    bus.subscribe({ topic: '#' }, async () => {
      calls++
      await gate.promise
    })
    await bus.publish('shop.order.placed', events.orderPlaced('first'))
    await waitFor(() => calls === 1, { what: 'the handler to start on the first event' })
    for (let i = 0; i < 1002; i++) await bus.publish('shop.order.placed', events.orderPlaced(`o-${i}`))
    expect(orderIds(dropped.items.map((d) => d.event))).toEqual(['o-0', 'o-1'])
    expect(dropped.items[0]?.policy).toBe('drop-oldest')
    gate.resolve()
    await bus.close()
    expect(calls).toBe(1001)
  })

  it.each([0, -1, 1.5, Number.NaN, '10'])(
    'rejects bufferSize %j when the bus or subscription is created',
    (size) => {
      expect(() => new EventBus({ bufferSize: size as number })).toThrow(InvalidOptionError)
      const bus = new EventBus()
      expect(() => bus.subscribe({ topic: '#' }, () => {}, { bufferSize: size as number })).toThrow(
        InvalidOptionError,
      )
      expect(bus.subscriberCount).toBe(0)
    },
  )

  it('rejects an unknown overflow policy', () => {
    expect(() => new EventBus({ overflow: 'block' as OverflowPolicy })).toThrow(InvalidOptionError)
    expect(() =>
      new EventBus().subscribe({ topic: '#' }, () => {}, { overflow: 'block' as OverflowPolicy }),
    ).toThrow(InvalidOptionError)
  })
})
