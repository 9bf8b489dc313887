import { NotImplementedError } from '@eda/testkit'
import { AvailableDriversView } from './available-drivers.ts'
import type { PaymentPort } from './booking-saga.ts'
import type { Location } from './catalog.ts'
import type { DriverLocationUpdate } from './driver-locations.ts'
import type { Notification } from './notifications.ts'
import type { PostgresRideStore } from './postgres-ride-store.ts'

/** The payment provider with the last step of a trip: taking the money. */
export interface TripPayments extends PaymentPort {
  capture(authorizationId: string, amount: number): Promise<void>
}

export interface RideSharingAppDeps {
  readonly store: PostgresRideStore
  readonly payments: TripPayments
  readonly clock: () => Date
  readonly offerTimeoutMs: number
  readonly maxOffers: number
  /** How far from the pickup a driver may be to be offered the ride. */
  readonly radiusKm: number
}

export interface RideRequest {
  readonly rideId: string
  readonly riderId: string
  readonly pickup: Location
  readonly dropoff: Location
  readonly fare: number
}

/**
 * Step 8: the whole system in one process. The Ride lives in the event store; the booking saga
 * finds drivers in the read model; every saga message becomes a Ride command, feeds the read model
 * and notifies the people concerned; completing a trip captures the payment.
 */
export class RideSharingApp {
  /** The read model of available drivers, fed by locations and by the Ride's events. */
  readonly drivers = new AvailableDriversView()
  /** Every notification sent, in order. */
  readonly notifications: Notification[] = []

  /** Keep the dependencies and build the saga; the constructor must not throw. */
  constructor(deps: RideSharingAppDeps) {
    void deps
  }

  /** A driver's app reported a position. */
  locationReceived(_update: DriverLocationUpdate): void {
    throw new NotImplementedError('RideSharingApp.locationReceived', 'feed the read model (step 8)')
  }

  /** Records the request, then books it: payment, offers, and whatever follows. */
  requestRide(_request: RideRequest): Promise<void> {
    return Promise.reject(
      new NotImplementedError('RideSharingApp.requestRide', 'record the request and start the saga (step 8)'),
    )
  }

  /** True when the ride is now confirmed for this driver; false when the accept was too late or not theirs. */
  acceptRide(_rideId: string, _driverId: string): Promise<boolean> {
    return Promise.reject(
      new NotImplementedError('RideSharingApp.acceptRide', 'pass the accept to the saga (step 8)'),
    )
  }

  declineRide(_rideId: string, _driverId: string): Promise<void> {
    return Promise.reject(
      new NotImplementedError('RideSharingApp.declineRide', 'pass the decline to the saga (step 8)'),
    )
  }

  /** Fires the offers whose deadline has passed. */
  tick(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('RideSharingApp.tick', "fire the saga's due offers (step 8)"),
    )
  }

  startTrip(_rideId: string): Promise<void> {
    return Promise.reject(
      new NotImplementedError('RideSharingApp.startTrip', 'record the start of the trip (step 8)'),
    )
  }

  /** Completes the trip, then captures the fare on the ride's authorization. */
  completeRide(_rideId: string, _fare: number): Promise<void> {
    return Promise.reject(
      new NotImplementedError(
        'RideSharingApp.completeRide',
        'complete the ride and capture the fare (step 8)',
      ),
    )
  }

  rateDriver(_rideId: string, _rating: number): Promise<void> {
    return Promise.reject(new NotImplementedError('RideSharingApp.rateDriver', 'record the rating (step 8)'))
  }
}
