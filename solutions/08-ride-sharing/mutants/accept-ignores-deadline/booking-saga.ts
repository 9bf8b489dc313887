import type { Location } from '../../src/catalog.ts'

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

interface Booking {
  status: BookingStatus
  readonly request: BookingRequest
  authorizationId?: string
  offered: string[]
  current?: { driverId: string; expiresAt: number } | undefined
  readonly messages: SagaMessage[]
}

/**
 * Step 4: the booking saga (a process manager, one instance per ride): authorize the payment,
 * offer the ride to the nearest free driver, and on accept confirm; on decline or timeout release
 * that driver and offer the next; with no driver left, void the authorization and cancel.
 */
export class BookingSaga {
  readonly #deps: BookingSagaDeps
  readonly #bookings = new Map<string, Booking>()

  constructor(deps: BookingSagaDeps) {
    this.#deps = deps
  }

  /** Starts the booking; a second start for the same ride does nothing. */
  async start(request: BookingRequest): Promise<void> {
    if (this.#bookings.has(request.rideId)) return
    const booking: Booking = { status: 'authorizing', request, offered: [], messages: [] }
    this.#bookings.set(request.rideId, booking)
    const result = await this.#deps.payments.authorize(request.rideId, request.fare)
    if (!result.authorized) {
      booking.messages.push({
        type: 'PaymentAuthorizationFailed',
        rideId: request.rideId,
        reason: result.reason,
      })
      this.#cancel(booking, 'payment-declined')
      return
    }
    booking.authorizationId = result.authorizationId
    booking.messages.push({
      type: 'PaymentAuthorized',
      rideId: request.rideId,
      authorizationId: result.authorizationId,
    })
    await this.#offerNext(booking)
  }

  /**
   * The driver accepts. Confirms the ride and returns true only if this driver holds the current
   * offer and its deadline has not passed by the clock; otherwise ignores it and returns false.
   */
  async accept(rideId: string, driverId: string): Promise<boolean> {
    const booking = this.#bookings.get(rideId)
    const current = booking?.current
    if (booking === undefined || booking.status !== 'offering' || current === undefined) return false
    if (current.driverId !== driverId) return false
    booking.current = undefined
    booking.status = 'confirmed'
    booking.messages.push({ type: 'RideConfirmed', rideId, driverId })
    return true
  }

  /** The driver declines: release them and offer the next driver. Anyone else's decline is ignored. */
  async decline(rideId: string, driverId: string): Promise<void> {
    const booking = this.#bookings.get(rideId)
    if (booking === undefined || booking.status !== 'offering' || booking.current?.driverId !== driverId)
      return
    booking.current = undefined
    booking.messages.push({ type: 'DriverDeclinedRide', rideId, driverId })
    booking.messages.push({ type: 'DriverReleased', rideId, driverId })
    await this.#offerNext(booking)
  }

  /** Fires every offer whose deadline has passed by the clock: a timeout counts as a decline. */
  async tick(): Promise<void> {
    const now = this.#now()
    for (const booking of this.#bookings.values()) {
      const current = booking.current
      if (booking.status !== 'offering' || current === undefined || now < current.expiresAt) continue
      const { rideId } = booking.request
      booking.current = undefined
      booking.messages.push({ type: 'RideOfferTimedOut', rideId, driverId: current.driverId })
      booking.messages.push({ type: 'DriverReleased', rideId, driverId: current.driverId })
      await this.#offerNext(booking)
    }
  }

  status(rideId: string): BookingStatus | undefined {
    return this.#bookings.get(rideId)?.status
  }

  /** Everything the saga published for the ride, in order. */
  messages(rideId: string): readonly SagaMessage[] {
    return [...(this.#bookings.get(rideId)?.messages ?? [])]
  }

  #now(): number {
    return this.#deps.clock().getTime()
  }

  async #offerNext(booking: Booking): Promise<void> {
    const { rideId, pickup } = booking.request
    const driverId =
      booking.offered.length < this.#deps.maxOffers
        ? this.#deps.findDriver(pickup, booking.offered)
        : undefined
    if (driverId === undefined) {
      const authorizationId = booking.authorizationId
      if (authorizationId !== undefined) {
        await this.#deps.payments.void(authorizationId)
        booking.messages.push({ type: 'PaymentVoided', rideId, authorizationId })
      }
      this.#cancel(booking, 'no-driver')
      return
    }
    const expiresAt = this.#now() + this.#deps.offerTimeoutMs
    booking.offered.push(driverId)
    booking.current = { driverId, expiresAt }
    booking.status = 'offering'
    booking.messages.push({
      type: 'DriverAssigned',
      rideId,
      driverId,
      expiresAt: new Date(expiresAt).toISOString(),
    })
  }

  #cancel(booking: Booking, reason: 'payment-declined' | 'no-driver'): void {
    booking.status = 'cancelled'
    booking.messages.push({ type: 'RideCancelled', rideId: booking.request.rideId, reason })
  }
}
