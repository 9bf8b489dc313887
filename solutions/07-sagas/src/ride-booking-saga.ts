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

type Data = Record<string, unknown>
const command = (type: Extract<SagaOutput, { kind: 'command' }>['type'], data: Data): SagaOutput => ({
  kind: 'command',
  type,
  data,
})
const event = (type: Extract<SagaOutput, { kind: 'event' }>['type'], data: Data): SagaOutput => ({
  kind: 'event',
  type,
  data,
})
const cancelTimeout = (timeoutId: string): SagaOutput => ({ kind: 'cancel-timeout', timeoutId })

const TERMINAL: readonly RideSagaStatus[] = ['rejected', 'cancelled', 'compensation-failed']

export function rideBookingSaga(config: RideSagaConfig = DEFAULT_RIDE_SAGA_CONFIG): Saga<RideSagaState> {
  /** Undo what was done, last step first: the driver, then the payment hold. */
  const compensations = (state: RideSagaState): SagaOutput[] => {
    const rideId = state.rideId
    const undo: SagaOutput[] = []
    if (state.driverId !== null) undo.push(command('ReleaseDriver', { rideId, driverId: state.driverId }))
    if (state.paymentPossiblyAuthorized)
      undo.push(command('VoidPaymentAuthorization', { rideId, authorizationId: state.authorizationId }))
    return undo
  }
  const pendingTimeout = (state: RideSagaState): SagaOutput[] => {
    if (state.status === 'awaiting-payment') return [cancelTimeout(PAYMENT_TIMEOUT)]
    if (state.status === 'awaiting-acceptance') return [cancelTimeout(offerTimeout(state.attempts))]
    return []
  }
  const isCurrentOffer = (state: RideSagaState, data: { driverId?: string }) =>
    state.status === 'awaiting-acceptance' && data.driverId === state.driverId
  const noDriverAccepted = (state: RideSagaState) => state.attempts >= config.maxDriverAttempts

  return {
    initialState: () => ({
      status: 'new',
      rideId: null,
      riderId: null,
      authorizationId: null,
      paymentPossiblyAuthorized: false,
      driverId: null,
      declinedDriverIds: [],
      attempts: 0,
      compensationFailures: [],
    }),

    decide(input, state) {
      const data = input.data as Data & { rideId: string; driverId?: string }
      const { rideId } = data
      switch (input.eventType) {
        case 'RideRequested':
          if (state.status !== 'new') return []
          return [
            command('AuthorizePayment', { rideId, riderId: data.riderId, ...config.hold }),
            {
              kind: 'schedule',
              timeoutId: PAYMENT_TIMEOUT,
              afterMs: config.paymentTimeoutMs,
              input: { type: 'PaymentAuthorizationTimedOut', data: { rideId } },
            },
          ]
        case 'PaymentAuthorized':
          if (state.status === 'awaiting-payment')
            return [
              cancelTimeout(PAYMENT_TIMEOUT),
              command('AssignDriver', { rideId, excludedDriverIds: [], attempt: 1 }),
            ]
          // An authorization that arrives after the ride ended is released at once.
          if (TERMINAL.includes(state.status))
            return [command('VoidPaymentAuthorization', { rideId, authorizationId: data.authorizationId })]
          return []
        case 'PaymentAuthorizationFailed':
          if (state.status !== 'awaiting-payment') return []
          // Nothing was done yet, so there is nothing to compensate.
          return [cancelTimeout(PAYMENT_TIMEOUT), event('RideRejected', { rideId, reason: data.reason })]
        case 'PaymentAuthorizationTimedOut':
          if (state.status !== 'awaiting-payment') return []
          return [
            ...compensations(state),
            event('RideCancelled', { rideId, by: 'system', reason: 'payment-timed-out' }),
          ]
        case 'DriverAssigned':
          if (state.status === 'awaiting-driver')
            return [
              command('OfferRide', { rideId, driverId: data.driverId, attempt: state.attempts }),
              {
                kind: 'schedule',
                timeoutId: offerTimeout(state.attempts),
                afterMs: config.offerTimeoutMs,
                input: { type: 'RideOfferTimedOut', data: { rideId, driverId: data.driverId } },
              },
            ]
          // Dispatch answered after the ride ended: that driver must not stay booked.
          if (TERMINAL.includes(state.status))
            return [command('ReleaseDriver', { rideId, driverId: data.driverId })]
          return []
        case 'NoDriverAvailable':
          if (state.status !== 'awaiting-driver') return []
          return [
            ...compensations(state),
            event('RideCancelled', { rideId, by: 'system', reason: 'no-driver-available' }),
          ]
        case 'DriverAcceptedRide':
          if (!isCurrentOffer(state, data)) return []
          return [
            cancelTimeout(offerTimeout(state.attempts)),
            event('RideConfirmed', { rideId, driverId: data.driverId }),
          ]
        case 'DriverDeclinedRide':
        case 'RideOfferTimedOut': {
          if (!isCurrentOffer(state, data)) return []
          const stop =
            input.eventType === 'DriverDeclinedRide' ? [cancelTimeout(offerTimeout(state.attempts))] : []
          if (noDriverAccepted(state))
            return [
              ...stop,
              ...compensations(state),
              event('RideCancelled', { rideId, by: 'system', reason: 'no-driver-accepted' }),
            ]
          return [
            ...stop,
            command('ReleaseDriver', { rideId, driverId: data.driverId }),
            command('AssignDriver', {
              rideId,
              excludedDriverIds: [...state.declinedDriverIds, data.driverId],
              attempt: state.attempts + 1,
            }),
          ]
        }
        case 'RideCancellationRequested':
          if (state.status === 'new' || TERMINAL.includes(state.status)) return []
          return [
            ...pendingTimeout(state),
            ...compensations(state),
            event('RideCancelled', { rideId, by: 'rider', reason: data.reason ?? 'cancelled by rider' }),
          ]
        case 'CompensationFailed':
          return [
            event('RideCompensationFailed', {
              rideId,
              commandType: data.commandType,
              commandId: data.commandId,
              error: data.error,
            }),
          ]
        default:
          return []
      }
    },

    evolve(state, input) {
      const data = input.data as Data & { rideId: string; driverId?: string }
      switch (input.eventType) {
        case 'RideRequested':
          if (state.status !== 'new') return state
          return {
            ...state,
            status: 'awaiting-payment',
            rideId: data.rideId,
            riderId: data.riderId as string,
            paymentPossiblyAuthorized: true,
          }
        case 'PaymentAuthorized':
          if (state.status !== 'awaiting-payment') return state
          return {
            ...state,
            status: 'awaiting-driver',
            authorizationId: data.authorizationId as string,
            attempts: 1,
          }
        case 'PaymentAuthorizationFailed':
          if (state.status !== 'awaiting-payment') return state
          return { ...state, status: 'rejected', paymentPossiblyAuthorized: false }
        case 'PaymentAuthorizationTimedOut':
          return state.status === 'awaiting-payment' ? { ...state, status: 'cancelled' } : state
        case 'DriverAssigned':
          if (state.status !== 'awaiting-driver') return state
          return { ...state, status: 'awaiting-acceptance', driverId: data.driverId ?? null }
        case 'NoDriverAvailable':
          return state.status === 'awaiting-driver' ? { ...state, status: 'cancelled' } : state
        case 'DriverAcceptedRide':
          return isCurrentOffer(state, data) ? { ...state, status: 'confirmed' } : state
        case 'DriverDeclinedRide':
        case 'RideOfferTimedOut': {
          if (!isCurrentOffer(state, data)) return state
          if (noDriverAccepted(state)) return { ...state, status: 'cancelled' }
          return {
            ...state,
            status: 'awaiting-driver',
            driverId: null,
            declinedDriverIds: [...state.declinedDriverIds, data.driverId ?? ''],
            attempts: state.attempts + 1,
          }
        }
        case 'RideCancellationRequested':
          if (state.status === 'new' || TERMINAL.includes(state.status)) return state
          return { ...state, status: 'cancelled' }
        case 'CompensationFailed':
          return {
            ...state,
            status: 'compensation-failed',
            compensationFailures: [
              ...state.compensationFailures,
              {
                commandType: data.commandType as string,
                commandId: data.commandId as string,
                error: data.error as string,
              },
            ],
          }
        default:
          return state
      }
    },
  }
}
