import { parseCommand } from '../../parsing/parse-command.ts'
import { parseEvent } from '../../parsing/parse-event.ts'
import type { CommandOfSchemas, EventOfSchemas } from '../../parsing/payload-schemas.ts'
import { RIDE_COMMAND_SCHEMAS } from './command-schemas.ts'
import { RIDE_EVENT_SCHEMAS } from './event-schemas.ts'

export const RIDES_DOMAIN = 'rides'

/** Every ride-sharing event, discriminated by `eventType`. */
export type RideEvent = EventOfSchemas<typeof RIDE_EVENT_SCHEMAS>
export type RideEventType = RideEvent['eventType']
export type RideEventOf<T extends RideEventType> = Extract<RideEvent, { readonly eventType: T }>

export type RideCommand = CommandOfSchemas<typeof RIDE_COMMAND_SCHEMAS>
export type RideCommandType = RideCommand['commandType']
export type RideCommandOf<T extends RideCommandType> = Extract<RideCommand, { readonly commandType: T }>

export type RideRequested = RideEventOf<'RideRequested'>
export type DriverAssigned = RideEventOf<'DriverAssigned'>
export type DriverAcceptedRide = RideEventOf<'DriverAcceptedRide'>
export type DriverDeclinedRide = RideEventOf<'DriverDeclinedRide'>
export type RideOfferTimedOut = RideEventOf<'RideOfferTimedOut'>
export type PaymentAuthorized = RideEventOf<'PaymentAuthorized'>
export type PaymentAuthorizationFailed = RideEventOf<'PaymentAuthorizationFailed'>
export type PaymentVoided = RideEventOf<'PaymentVoided'>
export type PaymentCaptured = RideEventOf<'PaymentCaptured'>
export type RideConfirmed = RideEventOf<'RideConfirmed'>
export type TripStarted = RideEventOf<'TripStarted'>
export type RideCompleted = RideEventOf<'RideCompleted'>
export type RideCancelled = RideEventOf<'RideCancelled'>
export type DriverRated = RideEventOf<'DriverRated'>
export type DriverLocationUpdated = RideEventOf<'DriverLocationUpdated'>

export type RequestRide = RideCommandOf<'RequestRide'>
export type AcceptRide = RideCommandOf<'AcceptRide'>
export type DeclineRide = RideCommandOf<'DeclineRide'>
export type CancelRide = RideCommandOf<'CancelRide'>
export type AuthorizePayment = RideCommandOf<'AuthorizePayment'>
export type VoidPayment = RideCommandOf<'VoidPayment'>
export type CapturePayment = RideCommandOf<'CapturePayment'>

export const RIDE_EVENT_TYPES: ReadonlyArray<RideEventType> = RIDE_EVENT_SCHEMAS.map(
  (schema) => schema.eventType,
)
export const RIDE_COMMAND_TYPES: ReadonlyArray<RideCommandType> = RIDE_COMMAND_SCHEMAS.map(
  (schema) => schema.commandType,
)

/** Parses a ride event, checking `data` against its type's schema; other types are errors. */
export function parseRideEvent(input: unknown): RideEvent {
  return parseEvent(input, { schemas: RIDE_EVENT_SCHEMAS })
}

export function parseRideCommand(input: unknown): RideCommand {
  return parseCommand(input, { schemas: RIDE_COMMAND_SCHEMAS })
}
