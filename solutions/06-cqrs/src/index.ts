export { type Checkpoint, CheckpointStore, type ProjectionMode } from './checkpoint-store.ts'
export {
  CommandHandler,
  type CommandHandlerOptions,
  type CommandOutcome,
  type HandleOptions,
} from './command-handler.ts'
export {
  type CustomerStats,
  customerStatsProjection,
  getCustomerStats,
  listCustomerStats,
} from './customer-stats-projection.ts'
export { OrderDomainError, ProjectionFailedError, RebuildInProgressError } from './errors.ts'
export {
  type AppendResult,
  ConcurrencyError,
  type EventStore,
  NO_STREAM,
  type ReadStreamResult,
  type StoredEvent,
} from './event-store.ts'
export { InMemoryEventStore } from './in-memory-event-store.ts'
export {
  type DecidedEvent,
  type Decider,
  type OrderCommand,
  type OrderState,
  type OrderStatus,
  orderDecider,
} from './order-decider.ts'
export {
  getOrderSummary,
  listOrderSummaries,
  type OrderSummary,
  orderSummaryProjection,
} from './order-summary-projection.ts'
export type { Projection } from './projection.ts'
export {
  type ProjectionStatus,
  Projector,
  type ProjectorOptions,
  type QueryOptions,
  type QueryResult,
} from './projector.ts'
export { type Scheduler, systemScheduler } from './scheduler.ts'
export { pgliteClient, pgPoolClient, type SqlClient, type SqlExecutor } from './sql-client.ts'
export { SqlEventStore } from './sql-event-store.ts'
