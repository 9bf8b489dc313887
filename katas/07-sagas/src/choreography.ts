import type { MessageFactory } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
import type { InProcessEventBus } from './event-bus.ts'

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

/**
 * Step 6. Payment: on RideRequested, authorize the hold (PaymentAuthorized with amount 30 USD, or
 * PaymentAuthorizationFailed); on RideCancelled, void a hold it holds (PaymentVoided). A
 * cancellation that arrives before the request means no hold at all. Every event it publishes is
 * caused by (`causedBy`) the event it reacts to; an event seen before is ignored.
 */
export function startPaymentService(
  bus: InProcessEventBus,
  gateway: PaymentGateway,
  options: ServiceOptions = {},
): void {
  void [bus, gateway, options]
  throw new NotImplementedError('startPaymentService', 'authorize on RideRequested, void on RideCancelled')
}

/**
 * Step 6. Dispatch: on PaymentAuthorized, book a driver (DriverAssigned, or NoDriverAvailable);
 * on DriverDeclinedRide, release that driver and book another one, never one who declined, up to
 * `maxAttempts` (default 3) drivers in all; on RideCancelled, release the ride's driver.
 */
export function startDispatchService(
  bus: InProcessEventBus,
  bookings: DriverBookings,
  options: ServiceOptions & { readonly maxAttempts?: number } = {},
): void {
  void [bus, bookings, options]
  throw new NotImplementedError('startDispatchService', 'book drivers on PaymentAuthorized and declines')
}

/** Step 6. The driver's app: on DriverAssigned, publish the driver's answer (DriverAcceptedRide or DriverDeclinedRide). */
export function startDriverApp(
  bus: InProcessEventBus,
  answer: DriverAnswer,
  options: ServiceOptions = {},
): void {
  void [bus, answer, options]
  throw new NotImplementedError('startDriverApp', 'answer each offer')
}

/**
 * Step 6. The ride service owns the outcome: DriverAcceptedRide → RideConfirmed,
 * PaymentAuthorizationFailed → RideRejected, NoDriverAvailable → RideCancelled (by system).
 */
export function startRideService(bus: InProcessEventBus, options: ServiceOptions = {}): void {
  void [bus, options]
  throw new NotImplementedError('startRideService', 'decide the ride outcome from events')
}
