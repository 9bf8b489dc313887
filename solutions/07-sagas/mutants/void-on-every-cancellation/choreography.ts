import { causedBy, createMessageFactory, type EventEnvelope, type MessageFactory } from '@eda/events'
import type { InProcessEventBus } from '../../src/event-bus.ts'

/** The card processor the payment service talks to. */
export interface PaymentGateway {
  authorize(rideId: string): Promise<{ readonly authorizationId: string } | { readonly declined: string }>
  void(authorizationId: string): Promise<void>
}

/** Dispatch's driver bookings (DriverPool fits). */
export interface DriverBookings {
  assign(rideId: string, excluded: readonly string[]): Promise<string | null>
  release(driverId: string, rideId: string): Promise<void>
}

/** What a driver answers when offered a ride. */
export type DriverAnswer = (driverId: string, rideId: string) => 'accept' | 'decline'

export interface ServiceOptions {
  readonly messages?: MessageFactory
}

type RideData = { rideId: string; driverId?: string; authorizationId?: string; reason?: string }
const rideOf = (event: EventEnvelope) => event.data as RideData

/** Runs a handler once per event id: a redelivered event does nothing the second time. */
function once(handler: (event: EventEnvelope) => Promise<void>): (event: EventEnvelope) => Promise<void> {
  const seen = new Set<string>()
  return async (event) => {
    if (seen.has(event.eventId)) return
    seen.add(event.eventId)
    await handler(event)
  }
}

/**
 * Payment: authorizes the hold when a ride is requested, voids it when the ride is cancelled.
 * A cancellation that arrives before the request (out of order) means no authorization at all.
 */
export function startPaymentService(
  bus: InProcessEventBus,
  gateway: PaymentGateway,
  options: ServiceOptions = {},
) {
  const messages = options.messages ?? createMessageFactory()
  const authorizations = new Map<string, string>()
  const cancelled = new Set<string>()
  bus.subscribe(
    'RideRequested',
    once(async (event) => {
      const { rideId } = rideOf(event)
      if (cancelled.has(rideId) || authorizations.has(rideId)) return
      const result = await gateway.authorize(rideId)
      if ('declined' in result) {
        await bus.publish(
          messages.event('PaymentAuthorizationFailed', { rideId, reason: result.declined }, causedBy(event)),
        )
        return
      }
      if (cancelled.has(rideId)) {
        await gateway.void(result.authorizationId)
        return
      }
      authorizations.set(rideId, result.authorizationId)
      await bus.publish(
        messages.event(
          'PaymentAuthorized',
          { rideId, authorizationId: result.authorizationId, amount: 30, currency: 'USD' },
          causedBy(event),
        ),
      )
    }),
  )
  bus.subscribe(
    'RideCancelled',
    once(async (event) => {
      const { rideId } = rideOf(event)
      cancelled.add(rideId)
      const authorizationId = authorizations.get(rideId)
      if (authorizationId === undefined) return
      await gateway.void(authorizationId)
      await bus.publish(messages.event('PaymentVoided', { rideId, authorizationId }, causedBy(event)))
    }),
  )
}

/**
 * Dispatch: books a driver once the payment is authorized, and another one (never a driver who
 * declined) after a decline, up to `maxAttempts`; then there is no driver. Releases the booking
 * when the ride is cancelled.
 */
export function startDispatchService(
  bus: InProcessEventBus,
  bookings: DriverBookings,
  options: ServiceOptions & { readonly maxAttempts?: number } = {},
) {
  const messages = options.messages ?? createMessageFactory()
  const maxAttempts = options.maxAttempts ?? 3
  const declined = new Map<string, string[]>()
  const booked = new Map<string, string>()
  const assign = async (cause: EventEnvelope, rideId: string) => {
    const excluded = declined.get(rideId) ?? []
    const driverId = excluded.length < maxAttempts ? await bookings.assign(rideId, excluded) : null
    if (driverId === null) {
      await bus.publish(messages.event('NoDriverAvailable', { rideId }, causedBy(cause)))
      return
    }
    booked.set(rideId, driverId)
    await bus.publish(messages.event('DriverAssigned', { rideId, driverId }, causedBy(cause)))
  }
  bus.subscribe(
    'PaymentAuthorized',
    once((event) => assign(event, rideOf(event).rideId)),
  )
  bus.subscribe(
    'DriverDeclinedRide',
    once(async (event) => {
      const { rideId, driverId = '' } = rideOf(event)
      declined.set(rideId, [...(declined.get(rideId) ?? []), driverId])
      booked.delete(rideId)
      await bookings.release(driverId, rideId)
      await assign(event, rideId)
    }),
  )
  bus.subscribe(
    'RideCancelled',
    once(async (event) => {
      const { rideId } = rideOf(event)
      const driverId = booked.get(rideId)
      if (driverId === undefined) return
      booked.delete(rideId)
      await bookings.release(driverId, rideId)
    }),
  )
}

/** The driver's app: shows the offer and sends the driver's answer. */
export function startDriverApp(bus: InProcessEventBus, answer: DriverAnswer, options: ServiceOptions = {}) {
  const messages = options.messages ?? createMessageFactory()
  bus.subscribe(
    'DriverAssigned',
    once(async (event) => {
      const { rideId, driverId = '' } = rideOf(event)
      const type = answer(driverId, rideId) === 'accept' ? 'DriverAcceptedRide' : 'DriverDeclinedRide'
      await bus.publish(messages.event(type, { rideId, driverId }, causedBy(event)))
    }),
  )
}

/** The ride service: owns the ride's outcome. Confirms on acceptance, cancels or rejects otherwise. */
export function startRideService(bus: InProcessEventBus, options: ServiceOptions = {}) {
  const messages = options.messages ?? createMessageFactory()
  bus.subscribe(
    'DriverAcceptedRide',
    once(async (event) => {
      const { rideId, driverId } = rideOf(event)
      await bus.publish(messages.event('RideConfirmed', { rideId, driverId }, causedBy(event)))
    }),
  )
  bus.subscribe(
    'PaymentAuthorizationFailed',
    once(async (event) => {
      const { rideId, reason } = rideOf(event)
      await bus.publish(messages.event('RideRejected', { rideId, reason }, causedBy(event)))
    }),
  )
  bus.subscribe(
    'NoDriverAvailable',
    once(async (event) => {
      const { rideId } = rideOf(event)
      await bus.publish(
        messages.event(
          'RideCancelled',
          { rideId, by: 'system', reason: 'no-driver-available' },
          causedBy(event),
        ),
      )
    }),
  )
}
