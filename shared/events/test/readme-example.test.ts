import { describe, expect, it } from 'vitest'
import {
  causedBy,
  createMessageFactory,
  parseShopEvent,
  routingKeyOf,
  shop,
  toKafkaMessage,
} from '../src/index.ts'

// The README's usage example, kept compiling and passing.
describe('README usage example', () => {
  it('places an order, publishes it to Kafka and reads it back', () => {
    let n = 0
    const messages = createMessageFactory({
      clock: () => new Date('2024-01-15T10:30:00.000Z'),
      newId: () => `id-${++n}`,
    })

    const placeOrder = messages.command('PlaceOrder', {
      orderId: 'order-123',
      customerId: 'cust-456',
      items: [{ sku: 'sku-1', quantity: 1, unitPrice: 99.99 }],
      currency: 'USD',
    })
    const orderPlaced = messages.eventCausedBy(
      placeOrder,
      'OrderPlaced',
      {
        orderId: 'order-123',
        customerId: 'cust-456',
        items: placeOrder.data.items,
        totalAmount: 99.99,
        currency: 'USD',
      },
      { version: shop.SHOP_EVENT_VERSIONS.OrderPlaced },
    )
    const same = messages.event('OrderPlaced', orderPlaced.data, { ...causedBy(placeOrder), version: 2 })
    expect(same.causationId).toBe(orderPlaced.causationId)

    const record = toKafkaMessage(orderPlaced, { key: orderPlaced.data.orderId })
    expect(routingKeyOf(shop.SHOP_DOMAIN, orderPlaced.eventType)).toBe('shop.order.placed')

    const event = parseShopEvent(JSON.parse(record.value))
    expect(event.eventType === 'OrderPlaced' && event.version === 2 ? event.data.items.length : 0).toBe(1)
    expect(event.correlationId).toBe(placeOrder.commandId)
  })
})
