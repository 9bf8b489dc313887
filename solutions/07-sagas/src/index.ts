export { decodeCommand, decodeEvent, encode, routingKeyOf } from './amqp-codec.ts'
export { amqpDispatch, consumeSagaInputs, type SagaConsumer } from './amqp-endpoint.ts'
export {
  type DriverAnswer,
  type DriverBookings,
  type PaymentGateway,
  type ServiceOptions,
  startDispatchService,
  startDriverApp,
  startPaymentService,
  startRideService,
} from './choreography.ts'
export { DriverPool } from './driver-pool.ts'
export { SagaConcurrencyError } from './errors.ts'
export { type EventHandler, InProcessEventBus } from './event-bus.ts'
export {
  COMPENSATIONS,
  type Dispatch,
  type OutgoingMessage,
  type RideSagaCommandType,
  type RideSagaEventType,
  type RideSagaInput,
  type RideSagaInputType,
  rideIdOf,
  type SagaOutput,
} from './messages.ts'
export {
  type CompensationFailure,
  DEFAULT_RIDE_SAGA_CONFIG,
  offerTimeout,
  PAYMENT_TIMEOUT,
  type RideSagaConfig,
  type RideSagaState,
  type RideSagaStatus,
  rideBookingSaga,
  type Saga,
} from './ride-booking-saga.ts'
export { type HandleResult, SagaRunner, type SagaRunnerOptions } from './saga-runner.ts'
export { type Scheduler, systemScheduler } from './scheduler.ts'
export { pgliteClient, pgPoolClient, type SqlClient, type SqlExecutor } from './sql-client.ts'
