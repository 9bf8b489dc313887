import { shop } from '@eda/events'
import { describe, expect, it } from 'vitest'
import {
  orderPlacedV1ToV2,
  orderPlacedV2ToV3,
  type RecordedEvent,
  shopSchema,
  UnknownEventTypeError,
  UpcasterRegistry,
} from '#impl'
import { storedEvent } from './support/stored-events.ts'

const envelope = (metadata: RecordedEvent['metadata']): RecordedEvent =>
  ({
    ...storedEvent({ eventType: 'OrderPlaced', version: 2, data: {}, metadata }),
    version: 2,
  }) as RecordedEvent

// Fresh objects each time: an upcaster that changes its input cannot spoil another test.
const v1 = (): shop.OrderPlacedV1Data => ({ orderId: '12345', customerId: '67890', total: 99.99 })
const v2 = (): shop.OrderPlacedV2Data => ({
  orderId: 'order-123',
  customerId: 'cust-456',
  items: [{ sku: 'book-1', quantity: 1, unitPrice: 99.99 }],
  totalAmount: 99.99,
  currency: 'USD',
})

describe('step 4: the shapes a schema change takes (OrderPlaced v1 → v2 → v3)', () => {
  describe("v1 → v2, the seed's change", () => {
    it('leaves its input unchanged', () => {
      const input = v1()
      orderPlacedV1ToV2(input)
      expect(input).toEqual(v1())
    })

    it('renames total to totalAmount, keeping its value and meaning', () => {
      expect(orderPlacedV1ToV2(v1())).toMatchObject({
        orderId: '12345',
        customerId: '67890',
        totalAmount: 99.99,
      })
      expect(orderPlacedV1ToV2(v1())).not.toHaveProperty('total')
    })

    it('adds currency with the default the business gives: USD, the only currency before v2', () => {
      expect(orderPlacedV1ToV2(v1())).toMatchObject({ currency: 'USD' })
    })

    it('gives an empty item list: v1 never recorded the lines, and an upcaster cannot invent them', () => {
      expect(orderPlacedV1ToV2(v1())).toEqual({
        orderId: '12345',
        customerId: '67890',
        items: [],
        totalAmount: 99.99,
        currency: 'USD',
      })
    })
  })

  describe('v2 → v3', () => {
    it('leaves its input and the envelope unchanged', () => {
      const input = v2()
      const event = envelope({ userId: 'u-7' })
      const before = structuredClone(event)
      orderPlacedV2ToV3(input, event)
      expect(input).toEqual(v2())
      expect(event).toEqual(before)
    })

    it('restructures customerId into customer: { id }', () => {
      const read = orderPlacedV2ToV3(v2(), envelope({ userId: 'u-7' }))
      expect(read).toMatchObject({ customer: { id: 'cust-456' } })
      expect(read).not.toHaveProperty('customerId')
    })

    it('takes placedBy from the envelope metadata, null when the old event did not record it', () => {
      expect(orderPlacedV2ToV3(v2(), envelope({ userId: 'u-7' })).placedBy).toBe('u-7')
      expect(orderPlacedV2ToV3(v2(), envelope({ tenant: 'eu' })).placedBy).toBeNull()
      expect(orderPlacedV2ToV3(v2(), envelope({ userId: 42 })).placedBy).toBeNull()
    })

    it('keeps everything else as it was', () => {
      expect(orderPlacedV2ToV3(v2(), envelope({ userId: 'u-7' }))).toEqual({
        orderId: 'order-123',
        customer: { id: 'cust-456' },
        items: [{ sku: 'book-1', quantity: 1, unitPrice: 99.99 }],
        totalAmount: 99.99,
        currency: 'USD',
        placedBy: 'u-7',
      })
    })
  })

  describe('the shop schema', () => {
    it("reads the seed's first OrderPlaced, stored without a version, as v3", () => {
      const registry = new UpcasterRegistry(shopSchema)
      const read = registry.upcast(
        storedEvent({ eventType: 'OrderPlaced', data: v1(), metadata: { userId: 'u-1' } }),
      )
      expect(read).toMatchObject({
        eventType: 'OrderPlaced',
        version: 3,
        data: {
          orderId: '12345',
          customer: { id: '67890' },
          items: [],
          totalAmount: 99.99,
          currency: 'USD',
          placedBy: 'u-1',
        },
      })
    })

    it('reads the seed\'s "2.0" event as v3', () => {
      const registry = new UpcasterRegistry(shopSchema)
      const read = registry.upcast(
        storedEvent({ eventType: 'OrderPlaced', version: '2.0', data: v2(), metadata: {} }),
      )
      expect(read).toMatchObject({
        version: 3,
        data: { customer: { id: 'cust-456' }, currency: 'USD', placedBy: null },
      })
    })

    it('reads events stored under the old type name OrderSubmitted as OrderPlaced v3', () => {
      const registry = new UpcasterRegistry(shopSchema)
      const stored = storedEvent({ eventType: 'OrderSubmitted', data: v1(), metadata: { userId: 'u-3' } })
      expect(registry.upcast(stored)).toMatchObject({
        eventId: stored.eventId,
        eventType: 'OrderPlaced',
        version: 3,
        data: { totalAmount: 99.99, customer: { id: '67890' }, placedBy: 'u-3' },
      })
    })

    it('writes OrderPlaced at v3 and every other catalog event at its catalog version', () => {
      const registry = new UpcasterRegistry(shopSchema)
      expect(registry.latestVersion('OrderPlaced')).toBe(3)
      expect(registry.latestVersion('OrderShipped')).toBe(shop.SHOP_EVENT_VERSIONS.OrderShipped)
      const shipped = { orderId: 'o-1', carrier: 'DHL', trackingNumber: 'trk-1' }
      expect(
        registry.upcast(storedEvent({ eventType: 'OrderShipped', version: 1, data: shipped })),
      ).toMatchObject({
        version: 1,
        data: shipped,
      })
    })

    it('does not write under the old name: a rename is read, never written', () => {
      expect(() => new UpcasterRegistry(shopSchema).latestVersion('OrderSubmitted')).toThrow(
        UnknownEventTypeError,
      )
    })
  })
})
