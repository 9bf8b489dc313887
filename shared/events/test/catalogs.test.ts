import { describe, expect, it } from 'vitest'
import {
  createMessageFactory,
  looksImperative,
  looksPastTense,
  MessageValidationError,
  parseRideCommand,
  parseRideEvent,
  parseShopCommand,
  parseShopEvent,
  RIDES_DOMAIN,
  type RideEvent,
  rides,
  routingKeyOf,
  SHOP_DOMAIN,
  type ShopEvent,
  shop,
} from '../src/index.ts'

const factory = createMessageFactory({
  clock: () => new Date('2024-01-15T10:30:00.000Z'),
  newId: () => 'id-1',
})

const money = { amount: 12.5, currency: 'USD' }
const at = '2024-01-15T10:30:00.000Z'

/** One valid `data` per event type and version. */
const shopEventData: Record<string, Record<number, unknown>> = {
  ItemAddedToCart: { 1: { cartId: 'cart-1', sku: 'sku-1', quantity: 2, unitPrice: 5 } },
  OrderPlaced: {
    1: { orderId: 'order-1', customerId: 'cust-1', total: 99.99 },
    2: {
      orderId: 'order-1',
      customerId: 'cust-1',
      items: [{ sku: 'sku-1', quantity: 1, unitPrice: 99.99 }],
      totalAmount: 99.99,
      currency: 'USD',
    },
  },
  OrderConfirmed: { 1: { orderId: 'order-1' } },
  PaymentProcessed: { 1: { orderId: 'order-1', paymentId: 'pay-1', ...money } },
  PaymentFailed: { 1: { orderId: 'order-1', reason: 'card declined' } },
  PaymentRefunded: { 1: { orderId: 'order-1', paymentId: 'pay-1', ...money } },
  OrderShipped: { 1: { orderId: 'order-1', carrier: 'DHL', trackingNumber: 'TN-1' } },
  OrderDelivered: { 1: { orderId: 'order-1' } },
  OrderCancelled: { 1: { orderId: 'order-1', reason: 'customer request' } },
}

const shopCommandData: Record<string, unknown> = {
  PlaceOrder: {
    orderId: 'order-1',
    customerId: 'cust-1',
    items: [{ sku: 'sku-1', quantity: 1, unitPrice: 5 }],
    currency: 'EUR',
  },
  CancelOrder: { orderId: 'order-1', reason: 'changed my mind' },
  ShipOrder: { orderId: 'order-1', carrier: 'UPS' },
  ProcessPayment: { orderId: 'order-1', ...money },
  RefundPayment: { orderId: 'order-1', paymentId: 'pay-1', ...money },
}

const here = { lat: 52.52, lng: 13.405 }
const there = { lat: -33.8688, lng: 151.2093 }

const rideEventData: Record<string, unknown> = {
  RideRequested: { rideId: 'ride-1', riderId: 'rider-1', pickup: here, dropoff: there, requestedAt: at },
  DriverAssigned: { rideId: 'ride-1', driverId: 'driver-1' },
  DriverAcceptedRide: { rideId: 'ride-1', driverId: 'driver-1' },
  DriverDeclinedRide: { rideId: 'ride-1', driverId: 'driver-1', reason: 'too far' },
  RideOfferTimedOut: { rideId: 'ride-1', driverId: 'driver-1' },
  PaymentAuthorized: { rideId: 'ride-1', authorizationId: 'auth-1', ...money },
  PaymentAuthorizationFailed: { rideId: 'ride-1', reason: 'insufficient funds' },
  PaymentVoided: { rideId: 'ride-1', authorizationId: 'auth-1' },
  PaymentCaptured: { rideId: 'ride-1', authorizationId: 'auth-1', ...money },
  RideConfirmed: { rideId: 'ride-1', driverId: 'driver-1' },
  TripStarted: { rideId: 'ride-1', driverId: 'driver-1' },
  RideCompleted: { rideId: 'ride-1', distanceKm: 7.3, fare: 18.4, currency: 'EUR' },
  RideCancelled: { rideId: 'ride-1', by: 'rider', reason: 'plans changed' },
  DriverRated: { rideId: 'ride-1', driverId: 'driver-1', rating: 5, comment: 'smooth' },
  DriverLocationUpdated: { driverId: 'driver-1', ...here, at },
}

const rideCommandData: Record<string, unknown> = {
  RequestRide: { rideId: 'ride-1', riderId: 'rider-1', pickup: here, dropoff: there },
  AcceptRide: { rideId: 'ride-1', driverId: 'driver-1' },
  DeclineRide: { rideId: 'ride-1', driverId: 'driver-1' },
  CancelRide: { rideId: 'ride-1', by: 'driver', reason: 'car trouble' },
  AuthorizePayment: { rideId: 'ride-1', riderId: 'rider-1', ...money },
  VoidPayment: { rideId: 'ride-1', authorizationId: 'auth-1' },
  CapturePayment: { rideId: 'ride-1', authorizationId: 'auth-1', ...money },
}

function errorOf(run: () => unknown): MessageValidationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(MessageValidationError)
    return error as MessageValidationError
  }
  throw new Error('expected a MessageValidationError')
}

describe('catalog naming rules', () => {
  const eventTypes = [...shop.SHOP_EVENT_TYPES, ...rides.RIDE_EVENT_TYPES]
  const commandTypes = [...shop.SHOP_COMMAND_TYPES, ...rides.RIDE_COMMAND_TYPES]

  it.each(eventTypes)('event %s is named in the past tense', (type) => {
    expect(looksPastTense(type)).toBe(true)
    expect(looksImperative(type)).toBe(false)
  })

  it.each(commandTypes)('command %s is named in the imperative', (type) => {
    expect(looksImperative(type)).toBe(true)
    expect(looksPastTense(type)).toBe(false)
  })

  it('has the domains and routing keys katas subscribe to', () => {
    expect(SHOP_DOMAIN).toBe('shop')
    expect(RIDES_DOMAIN).toBe('rides')
    expect(routingKeyOf(SHOP_DOMAIN, 'OrderPlaced')).toBe('shop.order.placed')
    expect(routingKeyOf(RIDES_DOMAIN, 'RideOfferTimedOut')).toBe('rides.ride.offer.timed.out')
  })

  it('defines one schema per event type and version, and one per command type', () => {
    const keys = (list: ReadonlyArray<{ eventType: string; version: number }>) =>
      list.map((schema) => `${schema.eventType}@${schema.version}`)
    for (const list of [shop.SHOP_EVENT_SCHEMAS, rides.RIDE_EVENT_SCHEMAS]) {
      expect(new Set(keys(list)).size).toBe(list.length)
    }
    expect(new Set(shop.SHOP_COMMAND_TYPES).size).toBe(shop.SHOP_COMMAND_SCHEMAS.length)
    expect(new Set(rides.RIDE_COMMAND_TYPES).size).toBe(rides.RIDE_COMMAND_SCHEMAS.length)
  })

  it('covers every event type in the test data', () => {
    expect(Object.keys(shopEventData).sort()).toStrictEqual([...shop.SHOP_EVENT_TYPES].sort())
    expect(Object.keys(rideEventData).sort()).toStrictEqual([...rides.RIDE_EVENT_TYPES].sort())
    expect(Object.keys(shopCommandData).sort()).toStrictEqual([...shop.SHOP_COMMAND_TYPES].sort())
    expect(Object.keys(rideCommandData).sort()).toStrictEqual([...rides.RIDE_COMMAND_TYPES].sort())
  })
})

describe('shop catalog', () => {
  const cases = Object.entries(shopEventData).flatMap(([type, versions]) =>
    Object.entries(versions).map(([version, data]) => [type, Number(version), data] as const),
  )

  it.each(cases)('parses %s v%i', (type, version, data) => {
    const event = factory.event(type, data, { version })
    expect(parseShopEvent(event)).toStrictEqual(event)
  })

  it.each(Object.entries(shopCommandData))('parses command %s', (type, data) => {
    const command = factory.command(type, data)
    expect(parseShopCommand(command)).toStrictEqual(command)
  })

  it('parses the seed’s "2.0" example as OrderPlaced v2', () => {
    const parsed = parseShopEvent({
      eventId: 'uuid',
      timestamp: '2024-01-15T10:30:00Z',
      eventType: 'OrderPlaced',
      version: '2.0',
      correlationId: 'req-12345',
      causationId: 'cmd-67890',
      data: shopEventData.OrderPlaced?.[2],
    })
    expect(parsed.eventType === 'OrderPlaced' && parsed.version === 2 && parsed.data.currency).toBe('USD')
  })

  it('narrows the union by eventType and version', () => {
    const describe = (event: ShopEvent): string => {
      switch (event.eventType) {
        case 'OrderPlaced':
          return event.version === 1 ? `total ${event.data.total}` : `${event.data.items.length} items`
        case 'OrderShipped':
          return event.data.trackingNumber
        default:
          return event.eventType
      }
    }
    const v1 = parseShopEvent(factory.event('OrderPlaced', shopEventData.OrderPlaced?.[1], { version: 1 }))
    const v2 = parseShopEvent(factory.event('OrderPlaced', shopEventData.OrderPlaced?.[2], { version: 2 }))
    expect([describe(v1), describe(v2)]).toStrictEqual(['total 99.99', '1 items'])
  })

  it('accepts factory-built events where a ShopEvent is expected', () => {
    const confirmed: ShopEvent = factory.event('OrderConfirmed', { orderId: 'o-1' })
    const placed: ShopEvent = factory.event('OrderPlaced', { orderId: 'o-1', customerId: 'c-1', total: 5 })
    expect([confirmed.version, placed.version]).toStrictEqual([1, 1])
  })

  it('checks data against the schema of its type and version', () => {
    const v2Data = shopEventData.OrderPlaced?.[2]
    expect(errorOf(() => parseShopEvent(factory.event('OrderPlaced', v2Data, { version: 1 }))).path).toBe(
      'data.total',
    )
    const badItems = { ...(v2Data as object), items: [{ sku: 'sku-1', quantity: 0, unitPrice: 1 }] }
    expect(errorOf(() => parseShopEvent(factory.event('OrderPlaced', badItems, { version: 2 }))).path).toBe(
      'data.items.0.quantity',
    )
    const badCurrency = { orderId: 'o', paymentId: 'p', amount: 1, currency: 'usd' }
    expect(errorOf(() => parseShopEvent(factory.event('PaymentProcessed', badCurrency))).reason).toMatch(
      /ISO 4217/,
    )
  })

  it('rejects unknown event types and versions', () => {
    const unknown = errorOf(() => parseShopEvent(factory.event('OrderExploded', {})))
    expect(unknown.path).toBe('eventType')
    expect(unknown.reason).toMatch(/not a known event type/)
    const v3 = errorOf(() => parseShopEvent(factory.event('OrderPlaced', {}, { version: 3 })))
    expect(v3.path).toBe('version')
    expect(v3.reason).toBe('OrderPlaced has no schema for version 3 (known: 1, 2)')
    expect(errorOf(() => parseShopCommand(factory.command('LaunchRocket', {}))).path).toBe('commandType')
  })

  it('drops data fields the schema does not know (tolerant reader)', () => {
    const event = factory.event('OrderConfirmed', { orderId: 'o-1', note: 'extra' })
    expect(parseShopEvent(event).data).toStrictEqual({ orderId: 'o-1' })
  })

  it('tells the current version of each event type', () => {
    expect(shop.SHOP_EVENT_VERSIONS.OrderPlaced).toBe(2)
    for (const type of shop.SHOP_EVENT_TYPES) expect(shop.SHOP_EVENT_VERSIONS[type]).toBeGreaterThanOrEqual(1)
  })
})

describe('rides catalog', () => {
  it.each(Object.entries(rideEventData))('parses %s', (type, data) => {
    const event = factory.event(type, data)
    expect(parseRideEvent(event)).toStrictEqual(event)
  })

  it.each(Object.entries(rideCommandData))('parses command %s', (type, data) => {
    const command = factory.command(type, data)
    expect(parseRideCommand(command)).toStrictEqual(command)
  })

  it('narrows the union by eventType', () => {
    const event: RideEvent = parseRideEvent(factory.event('RideCancelled', rideEventData.RideCancelled))
    expect(event.eventType === 'RideCancelled' ? event.data.by : undefined).toBe('rider')
  })

  it.each([
    [
      'RideRequested',
      { ...(rideEventData.RideRequested as object), pickup: { lat: 91, lng: 0 } },
      'data.pickup.lat',
    ],
    [
      'RideRequested',
      { ...(rideEventData.RideRequested as object), requestedAt: 'noon' },
      'data.requestedAt',
    ],
    ['RideCancelled', { rideId: 'r', by: 'passenger', reason: 'x' }, 'data.by'],
    ['DriverRated', { rideId: 'r', driverId: 'd', rating: 6 }, 'data.rating'],
    ['DriverLocationUpdated', { driverId: 'd', lat: 0, lng: 181, at }, 'data.lng'],
    ['RideCompleted', { rideId: 'r', fare: -1, currency: 'EUR' }, 'data.fare'],
    ['PaymentAuthorized', { rideId: 'r', amount: 1, currency: 'EUR' }, 'data.authorizationId'],
  ])('rejects bad %s data at %s', (type, data, path) => {
    expect(errorOf(() => parseRideEvent(factory.event(type, data))).path).toBe(path)
  })

  it('keeps optional fields optional', () => {
    const { requestedAt: _at, ...withoutTime } = rideEventData.RideRequested as Record<string, unknown>
    expect(parseRideEvent(factory.event('RideRequested', withoutTime)).data).toStrictEqual(withoutTime)
  })
})
