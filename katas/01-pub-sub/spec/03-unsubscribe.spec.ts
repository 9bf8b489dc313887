import { Collector } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import { type DeliveredEvent, EventBus } from '#impl'
import { orderIds, shopEvents } from './support/shop-events.ts'

describe('step 3: unsubscribe', () => {
  it('stops delivery to that subscriber only', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const leaving = new Collector<DeliveredEvent>()
    const staying = new Collector<DeliveredEvent>()
    const subscription = bus.subscribe({ topic: '#' }, leaving.push)
    bus.subscribe({ topic: '#' }, staying.push)
    await bus.publish('shop.order.placed', events.orderPlaced('o-1'))
    await leaving.waitForCount(1, 'first event for the leaving subscriber')
    subscription.unsubscribe()
    await bus.publish('shop.order.placed', events.orderPlaced('o-2'))
    await bus.close()
    expect(orderIds(leaving.items)).toEqual(['o-1'])
    expect(orderIds(staying.items)).toEqual(['o-1', 'o-2'])
  })

  it('releases the subscription: the bus no longer counts it', () => {
    const bus = new EventBus()
    const a = bus.subscribe({ topic: '#' }, () => {})
    const b = bus.subscribe({ eventType: 'OrderPlaced' }, () => {})
    expect(bus.subscriberCount).toBe(2)
    a.unsubscribe()
    expect(bus.subscriberCount).toBe(1)
    b.unsubscribe()
    expect(bus.subscriberCount).toBe(0)
  })

  it('does not leak after many subscribe/unsubscribe cycles', async () => {
    const bus = new EventBus()
    for (let i = 0; i < 1000; i++) bus.subscribe({ topic: 'shop.#' }, () => {}).unsubscribe()
    expect(bus.subscriberCount).toBe(0)
    await bus.publish('shop.order.placed', shopEvents().orderPlaced('o-1'))
    await bus.close()
  })

  it('is idempotent and reports the subscription closed', () => {
    const bus = new EventBus()
    bus.subscribe({ topic: '#' }, () => {})
    const subscription = bus.subscribe({ topic: '#' }, () => {})
    expect(subscription.closed).toBe(false)
    subscription.unsubscribe()
    subscription.unsubscribe()
    expect(subscription.closed).toBe(true)
    expect(bus.subscriberCount).toBe(1)
  })

  it('can be called from inside the handler, and no further event is delivered', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const seen: string[] = []
    const subscription = bus.subscribe({ topic: '#' }, (event) => {
      seen.push((event.data as { orderId: string }).orderId)
      subscription.unsubscribe()
    })
    await bus.publish('shop.order.placed', events.orderPlaced('o-1'))
    await bus.publish('shop.order.placed', events.orderPlaced('o-2'))
    await bus.close()
    expect(seen).toEqual(['o-1'])
    expect(bus.subscriberCount).toBe(0)
  })
})
