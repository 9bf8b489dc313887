import { NotImplementedError } from '@eda/testkit'
import type { RideSagaInput, SagaOutput } from './messages.ts'

export type RideSagaStatus =
  | 'new'
  | 'awaiting-payment'
  | 'awaiting-driver'
  | 'awaiting-acceptance'
  | 'confirmed'
  | 'rejected'
  | 'cancelled'
  | 'compensation-failed'

export interface CompensationFailure {
  readonly commandType: string
  readonly commandId: string
  readonly error: string
}

export interface RideSagaState {
  readonly status: RideSagaStatus
  readonly rideId: string | null
  readonly riderId: string | null
  /** Known once PaymentAuthorized arrives. */
  readonly authorizationId: string | null
  /** From the moment AuthorizePayment is sent: an unanswered authorization may have gone through. */
  readonly paymentPossiblyAuthorized: boolean
  /** The driver the ride is offered to (or assigned to, once confirmed). */
  readonly driverId: string | null
  readonly declinedDriverIds: readonly string[]
  /** How many drivers the ride has been assigned to so far. */
  readonly attempts: number
  readonly compensationFailures: readonly CompensationFailure[]
}

export interface RideSagaConfig {
  /** How many drivers are tried before the ride is cancelled. */
  readonly maxDriverAttempts: number
  readonly offerTimeoutMs: number
  readonly paymentTimeoutMs: number
  /** The amount held on the rider's card while the ride is booked. */
  readonly hold: { readonly amount: number; readonly currency: string }
}

export const DEFAULT_RIDE_SAGA_CONFIG: RideSagaConfig = {
  maxDriverAttempts: 3,
  offerTimeoutMs: 30_000,
  paymentTimeoutMs: 60_000,
  hold: { amount: 30, currency: 'USD' },
}

/** A process manager as two pure functions: what to do (`decide`) and what we now know (`evolve`). */
export interface Saga<State> {
  initialState(): State
  decide(input: RideSagaInput, state: State): SagaOutput[]
  evolve(state: State, input: RideSagaInput): State
}

export const PAYMENT_TIMEOUT = 'payment'
export const offerTimeout = (attempt: number) => `offer-${attempt}`

/**
 * Steps 1 and 2. The ride-booking saga: `decide` says what to send for an input in a state,
 * `evolve` says what the saga now knows. Both pure: no I/O, no clock, no ids (the runner adds
 * those). The README's decision table and state diagram give every transition.
 */
export function rideBookingSaga(config: RideSagaConfig = DEFAULT_RIDE_SAGA_CONFIG): Saga<RideSagaState> {
  void config
  return {
    /** Step 1: a saga that has heard nothing yet (status `new`, no ride, no driver, 0 attempts). */
    initialState() {
      throw new NotImplementedError('rideBookingSaga.initialState', 'return the state before RideRequested')
    },
    /** Steps 1 and 2: the outputs (commands, events, timeouts to schedule or cancel) for this input. */
    decide(input, state) {
      void [input, state]
      throw new NotImplementedError('rideBookingSaga.decide', 'decide what to send for this input')
    },
    /** Steps 1 and 2: the state after this input; a new object, the old one untouched. */
    evolve(state, input) {
      void [state, input]
      throw new NotImplementedError('rideBookingSaga.evolve', 'fold this input into a new state')
    },
  }
}
