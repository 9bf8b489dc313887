import { type Command, type EventEnvelope, type Message, messageIdOf } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CausalChainError, causalChain, causedBy, createEnvelopeFactory } from '#impl'
import { shopMessages } from './support/messages.ts'
import { assertProperty } from './support/property.ts'

const ids = (messages: readonly Message[]) => messages.map(messageIdOf)

/** A bare event for chain specs: only the fields a chain reads matter. */
function event(eventId: string, causationId: string | null, correlationId = 'flow-1'): EventEnvelope {
  return {
    eventId,
    eventType: 'StepHappened',
    version: 1,
    timestamp: '2024-01-15T10:30:00.000Z',
    correlationId,
    causationId,
    data: {},
    metadata: {},
  }
}

function chainError(messages: readonly Message[], id: string): CausalChainError {
  try {
    causalChain(messages, id)
  } catch (error) {
    if (error instanceof CausalChainError) return error
    throw error
  }
  throw new Error(`expected a CausalChainError for "${id}", but the chain was built`)
}

/**
 * One checkout flow: PlaceOrder → OrderPlaced → ProcessPayment → PaymentProcessed, and a
 * side branch OrderPlaced → ReserveStock → StockReserved.
 */
function checkoutFlow() {
  const { factory } = shopMessages()
  const placeOrder = factory.command('PlaceOrder', { orderId: 'o-1' })
  const orderPlaced = factory.eventCausedBy(placeOrder, 'OrderPlaced', { orderId: 'o-1' })
  const processPayment = factory.commandCausedBy(orderPlaced, 'ProcessPayment', { orderId: 'o-1' })
  const paymentProcessed = factory.eventCausedBy(processPayment, 'PaymentProcessed', { orderId: 'o-1' })
  const reserveStock = factory.commandCausedBy(orderPlaced, 'ReserveStock', { orderId: 'o-1' })
  const stockReserved = factory.eventCausedBy(reserveStock, 'StockReserved', { orderId: 'o-1' })
  return { placeOrder, orderPlaced, processPayment, paymentProcessed, reserveStock, stockReserved }
}

describe('step 3: causation and correlation', () => {
  it('links a message to its cause: same correlationId, causationId = the cause’s id', () => {
    const { placeOrder, orderPlaced, getOrderSummary } = shopMessages()
    const command = placeOrder('o-1', { correlationId: 'req-12345' })
    expect(causedBy(command)).toStrictEqual({ correlationId: 'req-12345', causationId: command.commandId })
    const fact = orderPlaced('o-1')
    expect(causedBy(fact)).toStrictEqual({ correlationId: fact.correlationId, causationId: fact.eventId })
    const query = getOrderSummary('o-1')
    expect(causedBy(query)).toStrictEqual({ correlationId: query.correlationId, causationId: query.queryId })
  })

  it('derives an event from the command that started a flow', () => {
    const factory = createEnvelopeFactory({ clock: new FakeClock().now, newId: sequentialIds('msg') })
    const command = factory.command('PlaceOrder', { orderId: 'order-123' })
    const event = factory.eventCausedBy(command, 'OrderPlaced', { orderId: 'order-123' }, { version: 2 })
    expect(event).toMatchObject({
      eventId: 'msg-2',
      eventType: 'OrderPlaced',
      version: 2,
      correlationId: command.commandId,
      causationId: command.commandId,
    })
  })

  it('derives an event from a command in the middle of a flow: causationId is the command, not the flow', () => {
    const factory = createEnvelopeFactory({ clock: new FakeClock().now, newId: sequentialIds('msg') })
    const placed = factory.event('OrderPlaced', { orderId: 'order-123' }, { correlationId: 'req-12345' })
    const command: Command = factory.command('ProcessPayment', { orderId: 'order-123' }, causedBy(placed))
    const event = factory.eventCausedBy(command, 'PaymentProcessed', { orderId: 'order-123' })
    expect({ correlationId: event.correlationId, causationId: event.causationId }).toEqual({
      correlationId: 'req-12345',
      causationId: command.commandId,
    })
  })

  it('builds the causal chain of a message, root first, from messages in any order', () => {
    const flow = checkoutFlow()
    const log = [
      flow.stockReserved,
      flow.paymentProcessed,
      flow.orderPlaced,
      flow.reserveStock,
      flow.placeOrder,
      flow.processPayment,
    ]
    expect(ids(causalChain(log, flow.paymentProcessed.eventId))).toEqual(
      ids([flow.placeOrder, flow.orderPlaced, flow.processPayment, flow.paymentProcessed]),
    )
    expect(ids(causalChain(log, flow.stockReserved.eventId))).toEqual(
      ids([flow.placeOrder, flow.orderPlaced, flow.reserveStock, flow.stockReserved]),
    )
  })

  it('returns just the message when nothing caused it', () => {
    const flow = checkoutFlow()
    expect(ids(causalChain(Object.values(flow), flow.placeOrder.commandId))).toEqual([
      flow.placeOrder.commandId,
    ])
  })

  it('names a message that is not in the set', () => {
    const error = chainError([event('a', null)], 'nope')
    expect(error).toMatchObject({ problem: 'unknown-message', messageId: 'nope' })
  })

  it('names the message whose cause is missing, and the missing cause', () => {
    const error = chainError([event('a', null), event('c', 'b'), event('d', 'c')], 'd')
    expect(error).toMatchObject({ problem: 'missing-cause', messageId: 'c', ids: ['b'] })
    expect(error.message).toContain('"c"')
    expect(error.message).toContain('"b"')
  })

  it('detects a cycle instead of looping forever, and names the messages in it', () => {
    const error = chainError([event('a', 'c'), event('b', 'a'), event('c', 'b'), event('d', 'c')], 'd')
    expect(error.problem).toBe('cycle')
    expect([...error.ids].sort()).toEqual(['a', 'b', 'c'])
  })

  it('detects a message that claims to be its own cause', () => {
    const error = chainError([event('a', 'a')], 'a')
    expect(error).toMatchObject({ problem: 'cycle', ids: ['a'] })
  })

  it('refuses a set where two messages share an id', () => {
    const error = chainError([event('a', null), event('b', 'a'), event('b', null)], 'b')
    expect(error).toMatchObject({ problem: 'duplicate-id', messageId: 'b' })
  })

  it('follows a chain 20 000 messages long without running out of stack', () => {
    const log = Array.from({ length: 20_000 }, (_, i) => event(`e-${i}`, i === 0 ? null : `e-${i - 1}`))
    const chain = causalChain(log.toReversed(), 'e-19999')
    expect(chain).toHaveLength(20_000)
    expect(messageIdOf(chain[0]!)).toBe('e-0')
    expect(messageIdOf(chain[19_999]!)).toBe('e-19999')
  })

  it('in any tree of messages, a chain starts at a root and each message is caused by the one before', () => {
    // parents[i] is the index of message i's cause among the messages before it, or null for a root;
    // the log holds the messages in a random order.
    const scenario = fc
      .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 30 })
      .map((raw) => raw.map((p, i) => (p === null || i === 0 ? null : p % i)))
      .chain((parents) => {
        const indices = parents.map((_, i) => i)
        return fc.record({
          parents: fc.constant(parents),
          order: fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length }),
          target: fc.constantFrom(...indices),
        })
      })
    assertProperty(
      fc.property(scenario, ({ parents, order, target }) => {
        const messages = parents.map((p, i) => event(`m-${i}`, p === null ? null : `m-${p}`))
        const chain = causalChain(
          order.map((i) => messages[i]!),
          `m-${target}`,
        )
        expect(chain[0]!.causationId).toBeNull()
        expect(messageIdOf(chain.at(-1)!)).toBe(`m-${target}`)
        chain.slice(1).forEach((message, i) => {
          expect(message.causationId).toBe(messageIdOf(chain[i]!))
        })
      }),
    )
  })
})
