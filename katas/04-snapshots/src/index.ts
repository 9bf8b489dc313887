export {
  type CartLine,
  type CartState,
  cartAggregate,
  type ItemAddedToCartData,
  type ItemRemovedFromCartData,
  streamIdOf,
} from './cart.ts'
export { ConcurrencyError } from './concurrency-error.ts'
export { InMemoryEventStore } from './in-memory-event-store.ts'
export { InMemorySnapshotStore } from './in-memory-snapshot-store.ts'
export { InvalidOptionError } from './invalid-option-error.ts'
export { PostgresSnapshotStore, type PostgresSnapshotStoreOptions } from './postgres-snapshot-store.ts'
export { SnapshottingRepository } from './snapshotting-repository.ts'
export type {
  Aggregate,
  AppendOptions,
  AppendResult,
  Decide,
  EventStore,
  ExecuteResult,
  Loaded,
  LoadOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  Snapshot,
  SnapshotStore,
  SnapshottingRepositoryOptions,
  SqlClient,
} from './types.ts'
