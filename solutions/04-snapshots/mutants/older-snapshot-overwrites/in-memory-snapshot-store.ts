import type { Snapshot, SnapshotStore } from '../../src/types.ts'

/** One snapshot per aggregate type and id, the newest: a cache that never goes back in time. */
export class InMemorySnapshotStore implements SnapshotStore {
  readonly #snapshots = new Map<string, Snapshot>()

  async load(aggregateType: string, aggregateId: string): Promise<Snapshot | undefined> {
    const snapshot = this.#snapshots.get(keyOf(aggregateType, aggregateId))
    return snapshot && structuredClone(snapshot)
  }

  async save(snapshot: Snapshot): Promise<void> {
    const key = keyOf(snapshot.aggregateType, snapshot.aggregateId)
    this.#snapshots.set(key, structuredClone(snapshot))
  }
}

// JSON of the pair, so no type/id combination can collide with another ("a-b"+"c" vs "a"+"b-c").
const keyOf = (aggregateType: string, aggregateId: string) => JSON.stringify([aggregateType, aggregateId])
