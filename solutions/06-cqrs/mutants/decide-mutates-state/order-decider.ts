import type { EventEnvelope, shop } from '@eda/events'
import { OrderDomainError } from '../../src/errors.ts'

export type OrderStatus = 'none' | 'placed' | 'paid' | 'shipped' | 'cancelled'

/** What the write side knows about one order: only what its decisions need. */
export interface OrderState {
  readonly status: OrderStatus
  readonly orderId: string | null
  readonly customerId: string | null
  readonly totalAmount: number
  readonly currency: string | null
}

/** An event a decision produces, before the handler gives it an id, a timestamp and its causation. */
export interface DecidedEvent {
  readonly type: string
  readonly data: unknown
  readonly version?: number
}

/** Decide what happens from a command and the current state; evolve the state by one event. Both pure. */
export interface Decider<State, Command> {
  initialState(): State
  evolve(state: State, event: EventEnvelope): State
  decide(command: Command, state: State): DecidedEvent[]
}

export type OrderCommand = shop.PlaceOrder | shop.ProcessPayment | shop.ShipOrder | shop.CancelOrder

const roundCents = (amount: number) => Math.round(amount * 100) / 100

export const orderDecider: Decider<OrderState, OrderCommand> = {
  initialState: () => ({ status: 'none', orderId: null, customerId: null, totalAmount: 0, currency: null }),

  evolve(state, event) {
    const data = event.data as Record<string, unknown>
    switch (event.eventType) {
      case 'OrderPlaced':
        return {
          status: 'placed',
          orderId: data.orderId as string,
          customerId: data.customerId as string,
          totalAmount: data.totalAmount as number,
          currency: data.currency as string,
        }
      case 'PaymentProcessed':
        return { ...state, status: 'paid' }
      case 'OrderShipped':
        return { ...state, status: 'shipped' }
      case 'OrderCancelled':
        return { ...state, status: 'cancelled' }
      default:
        return state
    }
  },

  decide(command, state) {
    const { orderId } = command.data
    switch (command.commandType) {
      case 'PlaceOrder': {
        if (state.status !== 'none') throw new OrderDomainError('order-already-placed', orderId)
        const { customerId, items, currency } = command.data
        const totalAmount = roundCents(items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0))
        return [
          { type: 'OrderPlaced', version: 2, data: { orderId, customerId, items, totalAmount, currency } },
        ]
      }
      case 'ProcessPayment': {
        if (state.status === 'paid') return []
        if (state.status === 'none') throw new OrderDomainError('order-not-placed', orderId)
        if (state.status === 'cancelled') throw new OrderDomainError('order-cancelled', orderId)
        if (state.status === 'shipped') throw new OrderDomainError('order-shipped', orderId)
        const { amount, currency } = command.data
        if (amount !== state.totalAmount || currency !== state.currency)
          throw new OrderDomainError('payment-mismatch', orderId)
        return [
          { type: 'PaymentProcessed', data: { orderId, paymentId: command.commandId, amount, currency } },
        ]
      }
      case 'ShipOrder': {
        if (state.status === 'shipped') return []
        if (state.status === 'none') throw new OrderDomainError('order-not-placed', orderId)
        if (state.status === 'cancelled') throw new OrderDomainError('order-cancelled', orderId)
        if (state.status !== 'paid') throw new OrderDomainError('order-not-paid', orderId)
        const { carrier } = command.data
        return [
          {
            type: 'OrderShipped',
            data: { orderId, carrier, trackingNumber: `${carrier}-${command.commandId}` },
          },
        ]
      }
      case 'CancelOrder': {
        if (state.status === 'none' || state.status === 'cancelled') return []
        if (state.status === 'shipped') throw new OrderDomainError('order-shipped', orderId)
        ;(state as { status: OrderStatus }).status = 'cancelled'
        return [{ type: 'OrderCancelled', data: { orderId, reason: command.data.reason } }]
      }
    }
  },
}
