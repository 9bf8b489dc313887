import { Collector } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import { type DeliveredEvent, type DeliveryError, EventBus } from '#impl'
import { orderIds, shopEvents } from './support/shop-events.ts'

describe('step 5: a failing subscriber does not hurt the others', () => {
  it('keeps delivering to the others when a handler throws', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const healthy = new Collector<DeliveredEvent>()
    bus.subscribe({ topic: '#' }, () => {
      throw new Error('inventory service is down')
    })
    bus.subscribe({ topic: '#' }, healthy.push)
    for (const id of ['o-1', 'o-2']) await bus.publish('shop.order.placed', events.orderPlaced(id))
    await bus.close()
    expect(orderIds(healthy.items)).toEqual(['o-1', 'o-2'])
  })

  it('keeps delivering to the failing subscriber itself: one bad event is not the end of its stream', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const handled: string[] = []
    bus.subscribe({ topic: '#' }, async (event) => {
      const id = (event.data as { orderId: string }).orderId
      if (id === 'o-1') throw new Error('cannot handle o-1')
      handled.push(id)
    })
    for (const id of ['o-1', 'o-2', 'o-3']) await bus.publish('shop.order.placed', events.orderPlaced(id))
    await bus.close()
    expect(handled).toEqual(['o-2', 'o-3'])
  })

  it('reports each failure on errors$ with the subscriber, the event and the error', async () => {
    const bus = new EventBus()
    const errors = new Collector<DeliveryError>()
    bus.errors$.subscribe(errors.push)
    const boom = new Error('rejected asynchronously')
    bus.subscribe({ topic: '#' }, () => Promise.reject(boom), { name: 'billing' })
    bus.subscribe({ topic: '#' }, () => {}, { name: 'audit' })
    const event = shopEvents().orderPlaced('o-1')
    await bus.publish('shop.order.placed', event)
    await bus.close()
    expect(errors.items).toHaveLength(1)
    expect(errors.items[0]).toMatchObject({ subscriber: 'billing', error: boom })
    expect(errors.items[0]?.event.eventId).toBe(event.eventId)
  })

  it('does not reject the publisher when a handler fails', async () => {
    const bus = new EventBus()
    bus.subscribe({ topic: '#' }, () => {
      throw new Error('handler bug')
    })
    await expect(bus.publish('shop.order.placed', shopEvents().orderPlaced('o-1'))).resolves.toBeUndefined()
    await bus.close()
  })
})
