import { AvailableDriversView } from './available-drivers.ts'
import { BookingSaga, type PaymentPort, type SagaMessage } from './booking-saga.ts'
import type { Location } from './catalog.ts'
import type { DriverLocationUpdate } from './driver-locations.ts'
import { type Notification, notificationsFor } from './notifications.ts'
import type { PostgresRideStore } from './postgres-ride-store.ts'
import type { RideCommand } from './ride.ts'

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
  readonly #deps: RideSharingAppDeps
  readonly #saga: BookingSaga
  readonly #riders = new Map<string, string>()
  readonly #authorizations = new Map<string, string>()
  /** How many of each ride's saga messages have been handled. */
  readonly #handled = new Map<string, number>()

  constructor(deps: RideSharingAppDeps) {
    this.#deps = deps
    this.#saga = new BookingSaga({
      payments: deps.payments,
      clock: deps.clock,
      offerTimeoutMs: deps.offerTimeoutMs,
      maxOffers: deps.maxOffers,
      findDriver: (pickup, exclude) =>
        this.drivers
          .near(pickup, deps.radiusKm, Number.MAX_SAFE_INTEGER)
          .find((d) => !exclude.includes(d.driverId))?.driverId,
    })
  }

  /** A driver's app reported a position. */
  locationReceived(update: DriverLocationUpdate): void {
    this.drivers.apply({ type: 'DriverLocationUpdated', version: 1, data: update })
  }

  /** Records the request, then books it: payment, offers, and whatever follows. */
  async requestRide(request: RideRequest): Promise<void> {
    const { rideId, riderId, pickup, dropoff, fare } = request
    await this.#record(rideId, { type: 'RequestRide', rideId, riderId, pickup, dropoff })
    this.#riders.set(rideId, riderId)
    await this.#saga.start({ rideId, pickup, fare })
    await this.#sync(rideId)
  }

  /** True when the ride is now confirmed for this driver; false when the accept was too late or not theirs. */
  async acceptRide(rideId: string, driverId: string): Promise<boolean> {
    const accepted = await this.#saga.accept(rideId, driverId)
    await this.#syncAll()
    return accepted
  }

  async declineRide(rideId: string, driverId: string): Promise<void> {
    await this.#saga.decline(rideId, driverId)
    await this.#sync(rideId)
  }

  /** Fires the offers whose deadline has passed. */
  async tick(): Promise<void> {
    await this.#saga.tick()
    await this.#syncAll()
  }

  async startTrip(rideId: string): Promise<void> {
    await this.#record(rideId, { type: 'StartTrip' })
  }

  /** Completes the trip, then captures the fare on the ride's authorization. */
  async completeRide(rideId: string, fare: number): Promise<void> {
    await this.#record(rideId, { type: 'CompleteRide', fare })
    const authorizationId = this.#authorizations.get(rideId)
    if (authorizationId !== undefined) await this.#deps.payments.capture(authorizationId, fare)
  }

  async rateDriver(rideId: string, rating: number): Promise<void> {
    await this.#record(rideId, { type: 'RateDriver', rating })
  }

  async #record(rideId: string, command: RideCommand): Promise<void> {
    const events = await this.#deps.store.handle(rideId, command)
    for (const event of events) this.drivers.apply(event)
  }

  async #syncAll(): Promise<void> {
    for (const rideId of this.#riders.keys()) await this.#sync(rideId)
  }

  /** Handles the saga messages of the ride not handled yet, in order. */
  async #sync(rideId: string): Promise<void> {
    const messages = this.#saga.messages(rideId)
    for (let i = this.#handled.get(rideId) ?? 0; i < messages.length; i++) {
      this.#handled.set(rideId, i + 1)
      await this.#handle(messages[i] as SagaMessage)
    }
  }

  async #handle(message: SagaMessage): Promise<void> {
    const { rideId } = message
    this.notifications.push(...notificationsFor(message, this.#riders.get(rideId) ?? ''))
    switch (message.type) {
      case 'PaymentAuthorized':
        this.#authorizations.set(rideId, message.authorizationId)
        return
      case 'DriverAssigned':
        return this.#record(rideId, { type: 'OfferRide', driverId: message.driverId })
      case 'DriverDeclinedRide':
      case 'RideOfferTimedOut':
        return this.#record(rideId, { type: 'DeclineRide', driverId: message.driverId })
      case 'RideConfirmed':
        return this.#record(rideId, { type: 'AcceptRide', driverId: message.driverId })
      case 'RideCancelled':
        return this.#record(rideId, { type: 'CancelRide', reason: message.reason })
      default:
        return
    }
  }
}
