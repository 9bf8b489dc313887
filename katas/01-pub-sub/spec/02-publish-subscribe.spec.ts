import { MessageValidationError } from '@eda/events'
import { Collector } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import { type DeliveredEvent, EventBus, InvalidOptionError, InvalidTopicError } from '#impl'
import { orderIds, shopEvents } from './support/shop-events.ts'

describe('step 2: publish and subscribe', () => {
  it('delivers an event to a subscriber of its event type', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const placed = new Collector<DeliveredEvent>()
    bus.subscribe({ eventType: 'OrderPlaced' }, placed.push)
    await bus.publish('shop.order.placed', events.orderPlaced('o-1'))
    await bus.publish('shop.order.shipped', events.orderShipped('o-1'))
    await bus.publish('shop.order.placed', events.orderPlaced('o-2'))
    expect(orderIds(await placed.waitForCount(2, 'OrderPlaced events'))).toEqual(['o-1', 'o-2'])
    await bus.close()
    expect(placed.items.map((e) => e.eventType)).toEqual(['OrderPlaced', 'OrderPlaced'])
  })

  it('delivers every matching event to every subscriber, and nothing else', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const orders = new Collector<DeliveredEvent>()
    const everything = new Collector<DeliveredEvent>()
    const shipping = new Collector<DeliveredEvent>()
    bus.subscribe({ topic: 'shop.order.*' }, orders.push)
    bus.subscribe({ topic: '#' }, everything.push)
    bus.subscribe({ topic: 'shop.order.shipped' }, shipping.push)
    await bus.publish('shop.order.placed', events.orderPlaced('o-1'))
    await bus.publish('shop.payment.processed', events.paymentProcessed('o-1'))
    await bus.publish('shop.order.shipped', events.orderShipped('o-1'))
    await bus.close()
    expect(orders.items.map((e) => e.eventType)).toEqual(['OrderPlaced', 'OrderShipped'])
    expect(everything.items.map((e) => e.eventType)).toEqual([
      'OrderPlaced',
      'PaymentProcessed',
      'OrderShipped',
    ])
    expect(shipping.items.map((e) => e.eventType)).toEqual(['OrderShipped'])
  })

  it('passes the topic the event was published on to the handler', async () => {
    const bus = new EventBus()
    const topics: string[] = []
    bus.subscribe({ topic: 'shop.#' }, (_event, topic) => {
      topics.push(topic)
    })
    await bus.publish('shop.order.placed', shopEvents().orderPlaced('o-1'))
    await bus.close()
    expect(topics).toEqual(['shop.order.placed'])
  })

  it('delivers the event intact: same id, type, correlation and data', async () => {
    const bus = new EventBus()
    const sent = shopEvents().orderPlaced('o-1')
    const got = new Collector<DeliveredEvent>()
    bus.subscribe({ eventType: 'OrderPlaced' }, got.push)
    await bus.publish('shop.order.placed', sent)
    const [received] = await got.waitForCount(1, 'OrderPlaced event')
    expect(received).toEqual(sent)
    await bus.close()
  })

  it('publishes with no subscriber at all without error: publishers know nothing of subscribers', async () => {
    const bus = new EventBus()
    await expect(bus.publish('shop.order.placed', shopEvents().orderPlaced('o-1'))).resolves.toBeUndefined()
    await bus.close()
  })

  it('does not let one subscriber change the event another one receives', async () => {
    const bus = new EventBus()
    const seenByB: unknown[] = []
    bus.subscribe({ topic: '#' }, (event) => {
      ;(event.data as { orderId: string }).orderId = 'tampered'
    })
    bus.subscribe({ topic: '#' }, (event) => {
      seenByB.push((event.data as { orderId: string }).orderId)
    })
    await bus.publish('shop.order.placed', shopEvents().orderPlaced('o-1'))
    await bus.close()
    expect(seenByB).toEqual(['o-1'])
  })

  it('does not deliver the publisher’s object: later changes by the publisher are not seen', async () => {
    const bus = new EventBus()
    const event = shopEvents().orderPlaced('o-1')
    const got = new Collector<DeliveredEvent>()
    bus.subscribe({ topic: '#' }, got.push)
    await bus.publish('shop.order.placed', event)
    ;(event.data as { orderId: string }).orderId = 'changed-after-publish'
    expect(orderIds(await got.waitForCount(1, 'one event'))).toEqual(['o-1'])
    await bus.close()
  })

  it('rejects an invalid envelope with MessageValidationError and delivers nothing', async () => {
    const bus = new EventBus()
    const got = new Collector<DeliveredEvent>()
    bus.subscribe({ topic: '#' }, got.push)
    const broken = { ...shopEvents().orderPlaced('o-1'), eventId: '' }
    await expect(bus.publish('shop.order.placed', broken)).rejects.toBeInstanceOf(MessageValidationError)
    await expect(bus.publish('shop.order.placed', { eventType: 'OrderPlaced' })).rejects.toBeInstanceOf(
      MessageValidationError,
    )
    await bus.close()
    expect(got.items).toEqual([])
  })

  it('rejects publishing on a topic with wildcards or empty words', async () => {
    const bus = new EventBus()
    await expect(bus.publish('shop.*', shopEvents().orderPlaced('o-1'))).rejects.toBeInstanceOf(
      InvalidTopicError,
    )
    await expect(bus.publish('', shopEvents().orderPlaced('o-1'))).rejects.toBeInstanceOf(InvalidTopicError)
    await bus.close()
  })

  it('rejects a bad subscription when it is made, not when an event arrives', () => {
    const bus = new EventBus()
    expect(() => bus.subscribe({ topic: 'shop..order' }, () => {})).toThrow(InvalidTopicError)
    expect(() => bus.subscribe({ eventType: '' }, () => {})).toThrow(InvalidOptionError)
    expect(() => bus.subscribe({ eventType: 'OrderPlaced' }, 'not a function' as never)).toThrow(
      InvalidOptionError,
    )
  })
})
