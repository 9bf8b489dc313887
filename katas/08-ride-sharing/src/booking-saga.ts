import { NotImplementedError } from '@eda/testkit'
import type { Location } from './catalog.ts'

export type AuthorizationResult =
  | { readonly authorized: true; readonly authorizationId: string }
  | { readonly authorized: false; readonly reason: string }

/** The payment provider, as the saga sees it. */
export interface PaymentPort {
  authorize(rideId: string, amount: number): Promise<AuthorizationResult>
  /** Releases the hold (not a refund). */
  void(authorizationId: string): Promise<void>
}

export interface BookingSagaDeps {
  readonly payments: PaymentPort
  /** The nearest free driver not in `exclude`, or undefined: the read model's query. */
  readonly findDriver: (pickup: Location, exclude: readonly string[]) => string | undefined
  /** The injected clock: the saga never reads the system time and never sets a timer. */
  readonly clock: () => Date
  readonly offerTimeoutMs: number
  /** How many drivers are offered the ride before it is cancelled. */
  readonly maxOffers: number
}

export interface BookingRequest {
  readonly rideId: string
  readonly pickup: Location
  readonly fare: number
}

/** What the saga publishes, in order, per ride. */
export type SagaMessage =
  | { readonly type: 'PaymentAuthorized'; readonly rideId: string; readonly authorizationId: string }
  | { readonly type: 'PaymentAuthorizationFailed'; readonly rideId: string; readonly reason: string }
  | {
      readonly type: 'DriverAssigned'
      readonly rideId: string
      readonly driverId: string
      readonly expiresAt: string
    }
  | { readonly type: 'DriverDeclinedRide'; readonly rideId: string; readonly driverId: string }
  | { readonly type: 'RideOfferTimedOut'; readonly rideId: string; readonly driverId: string }
  | { readonly type: 'DriverReleased'; readonly rideId: string; readonly driverId: string }
  | { readonly type: 'PaymentVoided'; readonly rideId: string; readonly authorizationId: string }
  | { readonly type: 'RideConfirmed'; readonly rideId: string; readonly driverId: string }
  | {
      readonly type: 'RideCancelled'
      readonly rideId: string
      readonly reason: 'payment-declined' | 'no-driver'
    }

export type BookingStatus = 'authorizing' | 'offering' | 'confirmed' | 'cancelled'

/**
 * Step 4: the booking saga (a process manager, one instance per ride): authorize the payment,
 * offer the ride to the nearest free driver, and on accept confirm; on decline or timeout release
 * that driver and offer the next; with no driver left, void the authorization and cancel.
 */
export class BookingSaga {
  /** Keep the dependencies; the constructor must not throw (the specs build the saga first). */
  constructor(deps: BookingSagaDeps) {
    void deps
  }

  /** Starts the booking; a second start for the same ride does nothing. */
  start(_request: BookingRequest): Promise<void> {
    return Promise.reject(
      new NotImplementedError('BookingSaga.start', 'authorize the payment and offer the ride (step 4)'),
    )
  }

  /**
   * The driver accepts. Confirms the ride and returns true only if this driver holds the current
   * offer and its deadline has not passed by the clock; otherwise ignores it and returns false.
   */
  accept(_rideId: string, _driverId: string): Promise<boolean> {
    return Promise.reject(
      new NotImplementedError('BookingSaga.accept', 'confirm the ride on a valid accept (step 4)'),
    )
  }

  /** The driver declines: release them and offer the next driver. Anyone else's decline is ignored. */
  decline(_rideId: string, _driverId: string): Promise<void> {
    return Promise.reject(
      new NotImplementedError('BookingSaga.decline', 'release the driver and offer the next (step 4)'),
    )
  }

  /** Fires every offer whose deadline has passed by the clock: a timeout counts as a decline. */
  tick(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('BookingSaga.tick', 'fire the offers whose deadline passed (step 4)'),
    )
  }

  status(_rideId: string): BookingStatus | undefined {
    throw new NotImplementedError('BookingSaga.status', "report the booking's status (step 4)")
  }

  /** Everything the saga published for the ride, in order. */
  messages(_rideId: string): readonly SagaMessage[] {
    throw new NotImplementedError(
      'BookingSaga.messages',
      'list what the saga published for the ride (step 4)',
    )
  }
}
