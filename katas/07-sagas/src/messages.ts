import type { Command, EventEnvelope } from '@eda/events'

/**
 * What the ride-booking saga hears. Catalog events (`@eda/events` rides) plus a few of its own:
 * its two timeouts, the rider's cancellation request, "no driver available" from dispatch, and
 * the dispatcher's report that a compensation could not be delivered.
 */
export type RideSagaInputType =
  | 'RideRequested'
  | 'PaymentAuthorized'
  | 'PaymentAuthorizationFailed'
  | 'PaymentAuthorizationTimedOut'
  | 'DriverAssigned'
  | 'NoDriverAvailable'
  | 'DriverAcceptedRide'
  | 'DriverDeclinedRide'
  | 'RideOfferTimedOut'
  | 'RideCancellationRequested'
  | 'CompensationFailed'

/** Every input is an event envelope; its `eventId` is what redelivery is deduplicated on. */
export type RideSagaInput = EventEnvelope

export type RideSagaCommandType =
  | 'AuthorizePayment'
  | 'AssignDriver'
  | 'OfferRide'
  | 'ReleaseDriver'
  | 'VoidPaymentAuthorization'

/** The commands that undo a step: what compensation sends. */
export const COMPENSATIONS: readonly RideSagaCommandType[] = ['ReleaseDriver', 'VoidPaymentAuthorization']

export type RideSagaEventType = 'RideConfirmed' | 'RideRejected' | 'RideCancelled' | 'RideCompensationFailed'

/**
 * What `decide` returns. Commands and events are sent by the runner (it gives them ids and links
 * them to the input); `schedule` asks for a timeout input after `afterMs`; `cancel-timeout`
 * withdraws one. Nothing here has a side effect of its own: that keeps `decide` pure.
 */
export type SagaOutput =
  | { readonly kind: 'command'; readonly type: RideSagaCommandType; readonly data: Record<string, unknown> }
  | { readonly kind: 'event'; readonly type: RideSagaEventType; readonly data: Record<string, unknown> }
  | {
      readonly kind: 'schedule'
      readonly timeoutId: string
      readonly afterMs: number
      readonly input: { readonly type: RideSagaInputType; readonly data: Record<string, unknown> }
    }
  | { readonly kind: 'cancel-timeout'; readonly timeoutId: string }

/** A message the runner hands to the outside world (a broker, or participants in process). */
export type OutgoingMessage =
  | { readonly kind: 'command'; readonly message: Command }
  | { readonly kind: 'event'; readonly message: EventEnvelope }

/** Sends one message; rejects when it could not be delivered. */
export type Dispatch = (outgoing: OutgoingMessage) => Promise<void>

/** The saga instance an input belongs to: one saga per ride. */
export const rideIdOf = (input: RideSagaInput): string => (input.data as { rideId: string }).rideId
