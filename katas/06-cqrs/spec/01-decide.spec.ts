import { describe, expect, it } from 'vitest'
import { OrderDomainError, type OrderState, orderDecider } from '#impl'
import { envelopes, shopCommands, stateAfter } from './support/shop.ts'

const { decide, evolve, initialState } = orderDecider

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

const domainError = (work: () => unknown) => {
  try {
    work()
  } catch (error) {
    return error
  }
  return undefined
}

describe('step 1: decide and evolve (the write model, pure)', () => {
  it('starts from an empty order', () => {
    expect(initialState()).toMatchObject({ status: 'none' })
  })

  it('places a new order: OrderPlaced version 2 with the total computed from the items', () => {
    const c = shopCommands()
    const items = [
      { sku: 'sku-1', quantity: 2, unitPrice: 10.5 },
      { sku: 'sku-2', quantity: 1, unitPrice: 4.99 },
    ]
    expect(decide(c.place('o-1', 'cust-9', items), initialState())).toEqual([
      {
        type: 'OrderPlaced',
        version: 2,
        data: { orderId: 'o-1', customerId: 'cust-9', items, totalAmount: 25.99, currency: 'USD' },
      },
    ])
  })

  it('evolves the state by folding the events: given placed and paid, the order is paid', () => {
    const c = shopCommands()
    const placed = stateAfter(c.place('o-1'))
    expect(placed).toMatchObject({ status: 'placed', orderId: 'o-1', customerId: 'cust-1', totalAmount: 21 })
    expect(stateAfter(c.place('o-1'), c.pay('o-1', 21))).toMatchObject({ status: 'paid', totalAmount: 21 })
  })

  it('refuses to place an order twice', () => {
    const c = shopCommands()
    const error = domainError(() => decide(c.place('o-1'), stateAfter(c.place('o-1'))))
    expect(error).toBeInstanceOf(OrderDomainError)
    expect(error).toMatchObject({ code: 'order-already-placed', orderId: 'o-1' })
  })

  it('takes a payment of the exact total, with the command id as payment id', () => {
    const c = shopCommands()
    const pay = c.pay('o-1', 21)
    expect(decide(pay, stateAfter(c.place('o-1')))).toEqual([
      {
        type: 'PaymentProcessed',
        data: { orderId: 'o-1', paymentId: pay.commandId, amount: 21, currency: 'USD' },
      },
    ])
  })

  it.each([
    ['a wrong amount', 20, 'USD', 'payment-mismatch'],
    ['a wrong currency', 21, 'EUR', 'payment-mismatch'],
  ])('refuses a payment with %s', (_what, amount, currency, code) => {
    const c = shopCommands()
    expect(
      domainError(() => decide(c.pay('o-1', amount, currency), stateAfter(c.place('o-1')))),
    ).toMatchObject({
      code,
    })
  })

  it('refuses commands on an order in the wrong state, naming the rule', () => {
    const c = shopCommands()
    const cases: Array<[() => unknown, string]> = [
      [() => decide(c.pay('o-1', 21), initialState()), 'order-not-placed'],
      [() => decide(c.ship('o-1'), stateAfter(c.place('o-1'))), 'order-not-paid'],
      [() => decide(c.pay('o-1', 21), stateAfter(c.place('o-1'), c.cancel('o-1'))), 'order-cancelled'],
      [
        () => decide(c.cancel('o-1'), stateAfter(c.place('o-1'), c.pay('o-1', 21), c.ship('o-1'))),
        'order-shipped',
      ],
    ]
    for (const [work, code] of cases) {
      const error = domainError(work)
      expect(error, code).toBeInstanceOf(OrderDomainError)
      expect(error).toMatchObject({ code })
    }
  })

  it('ships a paid order and cancels a placed one', () => {
    const c = shopCommands()
    const ship = c.ship('o-1', 'dhl')
    expect(decide(ship, stateAfter(c.place('o-1'), c.pay('o-1', 21)))).toEqual([
      {
        type: 'OrderShipped',
        data: { orderId: 'o-1', carrier: 'dhl', trackingNumber: `dhl-${ship.commandId}` },
      },
    ])
    expect(decide(c.cancel('o-2', 'too slow'), stateAfter(c.place('o-2')))).toEqual([
      { type: 'OrderCancelled', data: { orderId: 'o-2', reason: 'too slow' } },
    ])
  })

  it('decides nothing when there is nothing to do: a repeated payment or cancellation, an unknown order', () => {
    const c = shopCommands()
    expect(decide(c.pay('o-1', 21), stateAfter(c.place('o-1'), c.pay('o-1', 21)))).toEqual([])
    expect(decide(c.cancel('o-1'), stateAfter(c.place('o-1'), c.cancel('o-1')))).toEqual([])
    expect(decide(c.cancel('o-404'), initialState())).toEqual([])
  })

  it('decide is pure: it never changes the state it is given, and the same input gives the same events', () => {
    const c = shopCommands()
    const histories = [
      [c.place('o-1')],
      [c.place('o-1'), c.pay('o-1', 21)],
      [c.place('o-1'), c.pay('o-1', 21), c.ship('o-1')],
    ]
    const commands = [c.pay('o-1', 21), c.ship('o-1'), c.cancel('o-1'), c.place('o-1')]
    for (const history of histories) {
      for (const command of commands) {
        const state: OrderState = stateAfter(...history)
        const before = structuredClone(state)
        const first = domainError(() => decide(command, state)) ?? decide(command, state)
        const second = domainError(() => decide(command, state)) ?? decide(command, state)
        expect(state).toEqual(before)
        expect(second).toEqual(first)
      }
    }
  })

  it('evolve is pure: it returns a new state and leaves the old one as it was', () => {
    const c = shopCommands()
    const place = c.place('o-1')
    const state = deepFreeze(initialState())
    const [placed] = envelopes(decide(place, state), place)
    const next = evolve(state, placed!)
    expect(next).not.toBe(state)
    expect(state).toEqual(initialState())
    expect(next.status).toBe('placed')
  })

  it('ignores events it does not know (a new event type must not break old state)', () => {
    const c = shopCommands()
    const state = stateAfter(c.place('o-1'))
    const [unknown] = envelopes([{ type: 'OrderConfirmed', data: { orderId: 'o-1' } }], c.place('o-1'))
    expect(evolve(state, unknown!)).toEqual(state)
  })
})
