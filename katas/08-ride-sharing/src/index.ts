export {
  AvailableDriversView,
  type DriverFeedEvent,
  distanceKm,
  type NearbyDriver,
} from './available-drivers.ts'
export {
  type AuthorizationResult,
  type BookingRequest,
  BookingSaga,
  type BookingSagaDeps,
  type BookingStatus,
  type PaymentPort,
  type SagaMessage,
} from './booking-saga.ts'
export {
  CURRENT_VERSIONS,
  type Location,
  type RideEvent,
  type RideEventType,
  type StoredEvent,
  upcast,
} from './catalog.ts'
export {
  DriverLocationPublisher,
  type DriverLocationUpdate,
  decodeLocation,
  type LocationRecord,
} from './driver-locations.ts'
export { ConcurrencyError, RideRuleError, UnknownEventVersionError } from './errors.ts'
export {
  type Notification,
  type NotificationSubscription,
  notificationsFor,
  RideNotifier,
  routingKeyOf,
  subscribeNotifications,
} from './notifications.ts'
export { type LoadedRide, PostgresRideStore, type SqlClient } from './postgres-ride-store.ts'
export {
  decide,
  evolve,
  initialRideState,
  type RideCommand,
  type RideState,
  type RideStatus,
  replay,
} from './ride.ts'
export {
  type RideRequest,
  RideSharingApp,
  type RideSharingAppDeps,
  type TripPayments,
} from './ride-sharing-app.ts'
