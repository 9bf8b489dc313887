import { z } from 'zod'
import { defineEventSchema } from '../../parsing/payload-schemas.ts'
import { currency, entityId, money, reason, utcTimestamp } from '../common/data-fields.ts'

export const latitude = z.number().min(-90).max(90)
export const longitude = z.number().min(-180).max(180)
export const locationSchema = z.object({ lat: latitude, lng: longitude })

/** Who cancelled: the rider, the driver, or the platform (timeouts, fraud checks). */
export const cancelledBySchema = z.enum(['rider', 'driver', 'system'])

export const rideRequestedSchema = z.object({
  rideId: entityId,
  riderId: entityId,
  pickup: locationSchema,
  dropoff: locationSchema,
  requestedAt: utcTimestamp.optional(),
})

/** The dispatcher offered the ride to a driver; the driver has not answered yet. */
export const driverAssignedSchema = z.object({ rideId: entityId, driverId: entityId })

export const driverAcceptedRideSchema = z.object({ rideId: entityId, driverId: entityId })

export const driverDeclinedRideSchema = z.object({
  rideId: entityId,
  driverId: entityId,
  reason: reason.optional(),
})

/** The offered driver did not answer in time; dispatch moves on to the next driver. */
export const rideOfferTimedOutSchema = z.object({ rideId: entityId, driverId: entityId })

export const paymentAuthorizedSchema = z.object({
  rideId: entityId,
  authorizationId: entityId,
  amount: money,
  currency,
})

export const paymentAuthorizationFailedSchema = z.object({ rideId: entityId, reason })

/** Compensation: the hold on the rider's card is released. */
export const paymentVoidedSchema = z.object({ rideId: entityId, authorizationId: entityId })

export const paymentCapturedSchema = z.object({
  rideId: entityId,
  authorizationId: entityId,
  amount: money,
  currency,
})

export const rideConfirmedSchema = z.object({ rideId: entityId, driverId: entityId })

export const tripStartedSchema = z.object({ rideId: entityId, driverId: entityId })

export const rideCompletedSchema = z.object({
  rideId: entityId,
  distanceKm: z.number().nonnegative().optional(),
  fare: money,
  currency,
})

export const rideCancelledSchema = z.object({ rideId: entityId, by: cancelledBySchema, reason })

export const driverRatedSchema = z.object({
  rideId: entityId,
  driverId: entityId,
  rating: z.number().int().min(1).max(5),
  comment: z.string().optional(),
})

export const driverLocationUpdatedSchema = z.object({
  driverId: entityId,
  lat: latitude,
  lng: longitude,
  at: utcTimestamp,
})

export type Location = z.infer<typeof locationSchema>
export type CancelledBy = z.infer<typeof cancelledBySchema>
export type RideRequestedData = z.infer<typeof rideRequestedSchema>
export type DriverAssignedData = z.infer<typeof driverAssignedSchema>
export type DriverAcceptedRideData = z.infer<typeof driverAcceptedRideSchema>
export type DriverDeclinedRideData = z.infer<typeof driverDeclinedRideSchema>
export type RideOfferTimedOutData = z.infer<typeof rideOfferTimedOutSchema>
export type PaymentAuthorizedData = z.infer<typeof paymentAuthorizedSchema>
export type PaymentAuthorizationFailedData = z.infer<typeof paymentAuthorizationFailedSchema>
export type PaymentVoidedData = z.infer<typeof paymentVoidedSchema>
export type PaymentCapturedData = z.infer<typeof paymentCapturedSchema>
export type RideConfirmedData = z.infer<typeof rideConfirmedSchema>
export type TripStartedData = z.infer<typeof tripStartedSchema>
export type RideCompletedData = z.infer<typeof rideCompletedSchema>
export type RideCancelledData = z.infer<typeof rideCancelledSchema>
export type DriverRatedData = z.infer<typeof driverRatedSchema>
export type DriverLocationUpdatedData = z.infer<typeof driverLocationUpdatedSchema>

/** One schema per event type and version: what `parseRideEvent` accepts. */
export const RIDE_EVENT_SCHEMAS = [
  defineEventSchema('RideRequested', 1, rideRequestedSchema),
  defineEventSchema('DriverAssigned', 1, driverAssignedSchema),
  defineEventSchema('DriverAcceptedRide', 1, driverAcceptedRideSchema),
  defineEventSchema('DriverDeclinedRide', 1, driverDeclinedRideSchema),
  defineEventSchema('RideOfferTimedOut', 1, rideOfferTimedOutSchema),
  defineEventSchema('PaymentAuthorized', 1, paymentAuthorizedSchema),
  defineEventSchema('PaymentAuthorizationFailed', 1, paymentAuthorizationFailedSchema),
  defineEventSchema('PaymentVoided', 1, paymentVoidedSchema),
  defineEventSchema('PaymentCaptured', 1, paymentCapturedSchema),
  defineEventSchema('RideConfirmed', 1, rideConfirmedSchema),
  defineEventSchema('TripStarted', 1, tripStartedSchema),
  defineEventSchema('RideCompleted', 1, rideCompletedSchema),
  defineEventSchema('RideCancelled', 1, rideCancelledSchema),
  defineEventSchema('DriverRated', 1, driverRatedSchema),
  defineEventSchema('DriverLocationUpdated', 1, driverLocationUpdatedSchema),
] as const
