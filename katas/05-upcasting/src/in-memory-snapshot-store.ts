import type { Snapshot, SnapshotStore } from './types.ts'

/** Given, minimal: one snapshot per stream, the last saved (kata 04 builds a careful one). */
export class InMemorySnapshotStore implements SnapshotStore {
  readonly #snapshots = new Map<string, Snapshot>()

  async load(streamId: string): Promise<Snapshot | undefined> {
    const snapshot = this.#snapshots.get(streamId)
    return snapshot && structuredClone(snapshot)
  }

  async save(snapshot: Snapshot): Promise<void> {
    this.#snapshots.set(snapshot.streamId, structuredClone(snapshot))
  }
}
