export {
  OutdatedEventVersionError,
  UnknownEventTypeError,
  UnknownEventVersionError,
  UpcastError,
  UpcasterRegistrationError,
} from './errors.ts'
export { InMemoryEventLog } from './in-memory-event-log.ts'
export { InMemorySnapshotStore } from './in-memory-snapshot-store.ts'
export { PostgresEventLog, type PostgresEventLogOptions } from './postgres-event-log.ts'
export { type OrderPlacedV3Data, orderPlacedV1ToV2, orderPlacedV2ToV3, shopSchema } from './shop-upcasters.ts'
export type {
  Aggregate,
  Aggregated,
  AggregateStreamOptions,
  EventLog,
  NewStoredEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Snapshot,
  SnapshotStore,
  SqlClient,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  Upcaster,
  UpcastingSchema,
} from './types.ts'
export { UpcasterRegistry } from './upcaster-registry.ts'
export { UpcastingEventStore } from './upcasting-event-store.ts'
