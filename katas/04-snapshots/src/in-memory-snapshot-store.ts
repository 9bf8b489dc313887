import { NotImplementedError } from '@eda/testkit'
import type { Snapshot, SnapshotStore } from './types.ts'

/**
 * Step 1. Snapshots in memory: one per aggregate type and id, the newest. A snapshot is a cache of
 * derived data, so the store must never go back in time, and nobody may change what it holds.
 */
export class InMemorySnapshotStore implements SnapshotStore {
  /** Step 1: the snapshot saved for this aggregate type and id, or `undefined`. */
  load(aggregateType: string, aggregateId: string): Promise<Snapshot | undefined> {
    void [aggregateType, aggregateId]
    return Promise.reject(
      new NotImplementedError('InMemorySnapshotStore.load', 'return the snapshot saved for this type and id'),
    )
  }

  /** Step 1: keep the snapshot, unless the store already holds one at the same or a newer version. */
  save(snapshot: Snapshot): Promise<void> {
    void snapshot
    return Promise.reject(
      new NotImplementedError('InMemorySnapshotStore.save', 'keep the newest snapshot per type and id'),
    )
  }
}
