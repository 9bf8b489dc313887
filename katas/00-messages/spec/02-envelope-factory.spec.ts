import { parseCommand, parseEvent, parseQuery } from '@eda/events'
import { FakeClock, NotImplementedError, sequentialIds } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import { createEnvelopeFactory, EnvelopeValidationError } from '#impl'
import { tickingClock } from './support/messages.ts'

const deterministic = () => createEnvelopeFactory({ clock: new FakeClock().now, newId: sequentialIds('msg') })

function thrown(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    if (error instanceof NotImplementedError) throw error
    return error
  }
  return undefined
}

describe('step 2: an envelope factory with an injected clock and id generator', () => {
  it('builds an event from the injected clock and id generator', () => {
    const event = deterministic().event('OrderPlaced', { orderId: 'order-123', total: 99.99 })
    expect(event).toStrictEqual({
      eventId: 'msg-1',
      eventType: 'OrderPlaced',
      version: 1,
      timestamp: '2024-01-15T10:30:00.000Z',
      correlationId: 'msg-1',
      causationId: null,
      data: { orderId: 'order-123', total: 99.99 },
      metadata: {},
    })
  })

  it('builds commands and queries the same way, with their own id and type fields and no version', () => {
    const factory = deterministic()
    expect(factory.command('PlaceOrder', { orderId: 'order-123' })).toStrictEqual({
      commandId: 'msg-1',
      commandType: 'PlaceOrder',
      timestamp: '2024-01-15T10:30:00.000Z',
      correlationId: 'msg-1',
      causationId: null,
      data: { orderId: 'order-123' },
      metadata: {},
    })
    expect(factory.query('GetOrderSummary', { orderId: 'order-123' })).toStrictEqual({
      queryId: 'msg-2',
      queryType: 'GetOrderSummary',
      timestamp: '2024-01-15T10:30:00.000Z',
      correlationId: 'msg-2',
      causationId: null,
      params: { orderId: 'order-123' },
      metadata: {},
    })
  })

  it('takes exactly one id per message: a new message starts its own flow with its own id', () => {
    const factory = deterministic()
    const ids = [
      factory.event('OrderPlaced', {}),
      factory.command('PlaceOrder', {}),
      factory.query('GetOrderSummary', {}),
    ].map((m) => ['eventId' in m ? m.eventId : 'commandId' in m ? m.commandId : m.queryId, m.correlationId])
    expect(ids).toEqual([
      ['msg-1', 'msg-1'],
      ['msg-2', 'msg-2'],
      ['msg-3', 'msg-3'],
    ])
  })

  it('reads the clock once per message: one message, one instant', () => {
    const factory = createEnvelopeFactory({ clock: tickingClock(), newId: sequentialIds('msg') })
    const timestamps = [
      factory.event('OrderPlaced', {}).timestamp,
      factory.command('ShipOrder', {}).timestamp,
      factory.event('OrderShipped', {}).timestamp,
    ]
    expect(timestamps).toEqual([
      '2024-01-15T10:30:00.000Z',
      '2024-01-15T10:30:01.000Z',
      '2024-01-15T10:30:02.000Z',
    ])
  })

  it('writes the timestamp as ISO-8601 UTC with a Z, whatever zone the clock’s date was written in', () => {
    const event = createEnvelopeFactory({
      clock: () => new Date('2024-01-15T11:30:00.123+01:00'),
      newId: sequentialIds(),
    }).event('OrderPlaced', {})
    expect(event.timestamp).toBe('2024-01-15T10:30:00.123Z')
  })

  it('is deterministic: two factories with the same deps build the same messages', () => {
    const build = () => {
      const factory = createEnvelopeFactory({ clock: tickingClock(), newId: sequentialIds('msg') })
      return [
        factory.command('PlaceOrder', { orderId: 'o-1' }),
        factory.event('OrderPlaced', { orderId: 'o-1' }, { version: 2, causationId: 'msg-1' }),
        factory.query('GetOrderSummary', { orderId: 'o-1' }),
      ]
    }
    expect(build()).toStrictEqual(build())
  })

  it('uses the system clock and random UUIDs when nothing is injected', () => {
    const before = Date.now()
    const factory = createEnvelopeFactory()
    const first = factory.event('OrderPlaced', {})
    const second = factory.event('OrderPlaced', {})
    const after = Date.now()
    expect(first.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(second.eventId).not.toBe(first.eventId)
    expect(first.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(Date.parse(first.timestamp)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(first.timestamp)).toBeLessThanOrEqual(after)
  })

  it('takes the version, correlationId, causationId and metadata from the options', () => {
    const event = deterministic().event(
      'OrderPlaced',
      { orderId: 'order-123' },
      { version: 2, correlationId: 'req-12345', causationId: 'cmd-67890', metadata: { tenant: 'acme' } },
    )
    expect(event).toMatchObject({
      eventId: 'msg-1',
      version: 2,
      correlationId: 'req-12345',
      causationId: 'cmd-67890',
      metadata: { tenant: 'acme' },
    })
  })

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2'])(
    'rejects the version %j with EnvelopeValidationError at "version"',
    (version) => {
      const error = thrown(() => deterministic().event('OrderPlaced', {}, { version: version as number }))
      expect(error).toBeInstanceOf(EnvelopeValidationError)
      expect(error).toMatchObject({ path: 'version' })
    },
  )

  it.each([
    ['event', 'eventType', 'orderPlaced'],
    ['event', 'eventType', 'Order Placed'],
    ['command', 'commandType', 'place_order'],
    ['query', 'queryType', ''],
  ] as const)('refuses a %s named %j, at "%s"', (kind, path, type) => {
    const factory = deterministic()
    const error = thrown(() => factory[kind](type, {}))
    expect(error).toBeInstanceOf(EnvelopeValidationError)
    expect(error).toMatchObject({ path })
  })

  it('refuses a clock that returns an invalid date', () => {
    const factory = createEnvelopeFactory({ clock: () => new Date('not a date'), newId: sequentialIds() })
    const error = thrown(() => factory.event('OrderPlaced', {}))
    expect(error).toBeInstanceOf(EnvelopeValidationError)
    expect(error).toMatchObject({ path: 'timestamp' })
  })

  it('builds immutable facts: the message is frozen, and later changes to the input do not reach it', () => {
    const data = { orderId: 'order-123', items: [{ sku: 'book-1', quantity: 1 }] }
    const metadata = { tenant: 'acme' }
    const event = deterministic().event('OrderPlaced', data, { metadata })
    data.items[0]!.quantity = 99
    metadata.tenant = 'evil'
    expect(event.data).toEqual({ orderId: 'order-123', items: [{ sku: 'book-1', quantity: 1 }] })
    expect(event.metadata).toEqual({ tenant: 'acme' })
    expect(Object.isFrozen(event)).toBe(true)
    expect(Object.isFrozen(event.data.items[0])).toBe(true)
  })

  it('builds messages that @eda/events accepts as they are', () => {
    const factory = deterministic()
    const event = factory.event('OrderPlaced', { orderId: 'o-1' }, { version: 2 })
    const command = factory.command('PlaceOrder', { orderId: 'o-1' })
    const query = factory.query('GetOrderSummary', { orderId: 'o-1' })
    expect(parseEvent(event)).toStrictEqual(event)
    expect(parseCommand(command)).toStrictEqual(command)
    expect(parseQuery(query)).toStrictEqual(query)
  })
})
