export { CatchUpSubscription, type EventLog } from './catch-up-subscription.ts'
export { ConcurrencyError } from './concurrency-error.ts'
export {
  ANY,
  type ExpectedVersion,
  NO_STREAM,
  STREAM_EXISTS,
  type StreamVersion,
} from './expected-version.ts'
export { InMemoryEventStore } from './in-memory-event-store.ts'
export { InvalidArgumentError } from './invalid-argument-error.ts'
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.ts'
export {
  pgliteDatabase,
  postgresDatabase,
  type SqlDatabase,
  type SqlQueryable,
  sqlStateOf,
} from './sql-database.ts'
export type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionEnd,
  SubscriptionStart,
} from './types.ts'
