import type { EventEnvelope, shop } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'

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

/**
 * Step 1. The order's write model. Read the kata README for the rules (which command is
 * refused in which state, with which `OrderDomainError` code, and when a command decides nothing).
 */
export const orderDecider: Decider<OrderState, OrderCommand> = {
  /** Step 1: an order that was never placed (status `none`). */
  initialState() {
    throw new NotImplementedError('orderDecider.initialState', 'return the state of an order never placed')
  },

  /** Step 1: the state after one more event; a new object, the old one untouched; unknown events change nothing. */
  evolve(state, event) {
    void [state, event]
    throw new NotImplementedError('orderDecider.evolve', 'fold one event into a new state')
  },

  /** Step 1: the events a command produces in this state, or an OrderDomainError; never changes `state`. */
  decide(command, state) {
    void [command, state]
    throw new NotImplementedError('orderDecider.decide', 'decide the events for this command')
  },
}
