import { z } from 'zod'
import { defineCommandSchema } from '../../parsing/payload-schemas.ts'
import { currency, entityId, money, reason } from '../common/data-fields.ts'
import { cancelledBySchema, locationSchema } from './event-schemas.ts'

export const requestRideSchema = z.object({
  rideId: entityId,
  riderId: entityId,
  pickup: locationSchema,
  dropoff: locationSchema,
})

export const acceptRideSchema = z.object({ rideId: entityId, driverId: entityId })

export const declineRideSchema = z.object({ rideId: entityId, driverId: entityId, reason: reason.optional() })

export const cancelRideSchema = z.object({ rideId: entityId, by: cancelledBySchema, reason })

export const authorizePaymentSchema = z.object({
  rideId: entityId,
  riderId: entityId,
  amount: money,
  currency,
})

export const voidPaymentSchema = z.object({ rideId: entityId, authorizationId: entityId })

export const capturePaymentSchema = z.object({
  rideId: entityId,
  authorizationId: entityId,
  amount: money,
  currency,
})

export type RequestRideData = z.infer<typeof requestRideSchema>
export type AcceptRideData = z.infer<typeof acceptRideSchema>
export type DeclineRideData = z.infer<typeof declineRideSchema>
export type CancelRideData = z.infer<typeof cancelRideSchema>
export type AuthorizePaymentData = z.infer<typeof authorizePaymentSchema>
export type VoidPaymentData = z.infer<typeof voidPaymentSchema>
export type CapturePaymentData = z.infer<typeof capturePaymentSchema>

export const RIDE_COMMAND_SCHEMAS = [
  defineCommandSchema('RequestRide', requestRideSchema),
  defineCommandSchema('AcceptRide', acceptRideSchema),
  defineCommandSchema('DeclineRide', declineRideSchema),
  defineCommandSchema('CancelRide', cancelRideSchema),
  defineCommandSchema('AuthorizePayment', authorizePaymentSchema),
  defineCommandSchema('VoidPayment', voidPaymentSchema),
  defineCommandSchema('CapturePayment', capturePaymentSchema),
] as const
