import { describe, expect, it } from 'vitest'
import {
  causedBy,
  createMessageFactory,
  type EventEnvelope,
  MessageValidationError,
  messageIdOf,
  parseEvent,
} from '../src/index.ts'

/** A clock that starts at a fixed instant and moves one second per call. */
function fakeClock(start = '2024-01-15T10:30:00.000Z') {
  let now = Date.parse(start)
  return () => {
    const date = new Date(now)
    now += 1000
    return date
  }
}

function counterIds(prefix = 'id') {
  let next = 0
  return () => `${prefix}-${++next}`
}

const deterministic = () => createMessageFactory({ clock: fakeClock(), newId: counterIds() })

describe('createMessageFactory', () => {
  it('builds events from the injected clock and id generator', () => {
    const event = deterministic().event('OrderPlaced', { orderId: 'o-1', total: 10 })
    expect(event).toStrictEqual({
      eventId: 'id-1',
      eventType: 'OrderPlaced',
      version: 1,
      timestamp: '2024-01-15T10:30:00.000Z',
      correlationId: 'id-1',
      causationId: null,
      data: { orderId: 'o-1', total: 10 },
      metadata: {},
    })
  })

  it('is deterministic: two factories with the same deps build the same messages', () => {
    const build = () => {
      const factory = deterministic()
      const command = factory.command('PlaceOrder', { orderId: 'o-1' })
      const event = factory.eventCausedBy(command, 'OrderPlaced', { orderId: 'o-1' }, { version: 2 })
      const query = factory.query('GetOrderSummary', { orderId: 'o-1' })
      return [command, event, query]
    }
    expect(build()).toStrictEqual(build())
    const [command, event, query] = build()
    expect(command?.timestamp).toBe('2024-01-15T10:30:00.000Z')
    expect(event?.timestamp).toBe('2024-01-15T10:30:01.000Z')
    expect(query?.timestamp).toBe('2024-01-15T10:30:02.000Z')
  })

  it('uses real time and random UUIDs by default', () => {
    const before = Date.now()
    const event = createMessageFactory().event('OrderPlaced', {})
    expect(event.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(Date.parse(event.timestamp)).toBeGreaterThanOrEqual(before)
    expect(createMessageFactory().event('OrderPlaced', {}).eventId).not.toBe(event.eventId)
  })

  it('takes version, ids, correlation, causation and metadata from options', () => {
    const event = deterministic().event(
      'OrderPlaced',
      { orderId: 'o-1' },
      {
        version: 2,
        eventId: 'e-9',
        correlationId: 'flow-1',
        causationId: 'cmd-1',
        metadata: { user: 'u-1' },
      },
    )
    expect(event).toMatchObject({
      eventId: 'e-9',
      version: 2,
      correlationId: 'flow-1',
      causationId: 'cmd-1',
      metadata: { user: 'u-1' },
    })
    expect(deterministic().command('PlaceOrder', {}, { commandId: 'c-9' }).commandId).toBe('c-9')
    expect(deterministic().query('GetOrder', {}, { queryId: 'q-9' }).queryId).toBe('q-9')
  })

  it('builds commands and queries with their own field names', () => {
    const factory = deterministic()
    expect(factory.command('PlaceOrder', { orderId: 'o-1' })).toStrictEqual({
      commandId: 'id-1',
      commandType: 'PlaceOrder',
      timestamp: '2024-01-15T10:30:00.000Z',
      correlationId: 'id-1',
      causationId: null,
      data: { orderId: 'o-1' },
      metadata: {},
    })
    expect(factory.query('GetOrderSummary', { orderId: 'o-1' })).toStrictEqual({
      queryId: 'id-2',
      queryType: 'GetOrderSummary',
      timestamp: '2024-01-15T10:30:01.000Z',
      correlationId: 'id-2',
      causationId: null,
      params: { orderId: 'o-1' },
      metadata: {},
    })
  })

  it('copies data, so later changes to the caller’s object do not leak in', () => {
    const data = { items: [{ sku: 'a' }] }
    const event = deterministic().event('OrderPlaced', data)
    data.items[0]!.sku = 'changed'
    expect(event.data).toStrictEqual({ items: [{ sku: 'a' }] })
  })

  it('validates what it builds', () => {
    const factory = deterministic()
    const fails = (run: () => unknown, path: string) => {
      expect(run).toThrow(MessageValidationError)
      try {
        run()
      } catch (error) {
        expect((error as MessageValidationError).path).toBe(path)
      }
    }
    fails(() => factory.event('order placed', {}), 'eventType')
    fails(() => factory.event('OrderPlaced', {}, { version: 0 }), 'version')
    fails(() => factory.event('OrderPlaced', {}, { version: 1.5 }), 'version')
    fails(() => factory.event('OrderPlaced', { at: new Date() }), 'data.at')
    fails(() => factory.event('OrderPlaced', {}, { eventId: '' }), 'eventId')
    fails(() => factory.command('placeOrder', {}), 'commandType')
    fails(() => factory.query('GetOrder', { n: 1n }), 'params.n')
    fails(
      () => createMessageFactory({ clock: () => new Date(Number.NaN) }).event('OrderPlaced', {}),
      'timestamp',
    )
    fails(() => createMessageFactory({ newId: () => '' }).event('OrderPlaced', {}), 'eventId')
  })

  it('what it builds passes parseEvent unchanged', () => {
    const event = deterministic().event('OrderPlaced', { orderId: 'o-1' }, { metadata: { a: [1, null] } })
    expect(parseEvent(event)).toStrictEqual(event)
  })
})

describe('causation', () => {
  it('causedBy keeps the correlationId and points causationId at the cause', () => {
    const factory = deterministic()
    const command = factory.command('PlaceOrder', { orderId: 'o-1' }, { correlationId: 'flow-1' })
    expect(causedBy(command)).toStrictEqual({ correlationId: 'flow-1', causationId: command.commandId })
    const event = factory.event('OrderPlaced', { orderId: 'o-1' }, causedBy(command))
    expect(event.correlationId).toBe('flow-1')
    expect(event.causationId).toBe(command.commandId)
  })

  it('eventCausedBy and commandCausedBy chain a whole flow under one correlationId', () => {
    const factory = deterministic()
    const placeOrder = factory.command('PlaceOrder', { orderId: 'o-1' })
    const orderPlaced = factory.eventCausedBy(placeOrder, 'OrderPlaced', { orderId: 'o-1' })
    const processPayment = factory.commandCausedBy(orderPlaced, 'ProcessPayment', { orderId: 'o-1' })
    const paymentProcessed = factory.eventCausedBy(processPayment, 'PaymentProcessed', { orderId: 'o-1' })
    const summary = factory.queryCausedBy(paymentProcessed, 'GetOrderSummary', { orderId: 'o-1' })
    const chain = [placeOrder, orderPlaced, processPayment, paymentProcessed, summary]
    expect(new Set(chain.map((message) => message.correlationId))).toStrictEqual(
      new Set([placeOrder.commandId]),
    )
    expect(chain.map((message) => message.causationId)).toStrictEqual([
      null,
      ...chain.slice(0, -1).map(messageIdOf),
    ])
  })

  it('a caused message cannot override the links it inherits', () => {
    const factory = deterministic()
    const cause = factory.event('OrderPlaced', {})
    const options = { metadata: { a: 1 }, correlationId: 'sneaky' } as { metadata: { a: number } }
    const event: EventEnvelope = factory.eventCausedBy(cause, 'OrderConfirmed', {}, options)
    expect(event.correlationId).toBe(cause.correlationId)
    expect(event.metadata).toStrictEqual({ a: 1 })
  })

  it('keeps literal types for type and version', () => {
    const event = deterministic().event('OrderPlaced', { total: 1 }, { version: 2 })
    const type: 'OrderPlaced' = event.eventType
    const version: 2 = event.version
    expect([type, version]).toStrictEqual(['OrderPlaced', 2])
  })
})
