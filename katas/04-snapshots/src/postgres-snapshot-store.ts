import { NotImplementedError } from '@eda/testkit'
import type { Snapshot, SnapshotStore, SqlClient } from './types.ts'

export interface PostgresSnapshotStoreOptions {
  /** The schema holding the `snapshots` table, created by `init` (default: the connection's search path). */
  readonly schema?: string
}

/**
 * Step 6. Snapshots in a PostgreSQL table (PGlite in the specs, a server in CI): the same rules as
 * the in-memory store. Racing writers must not be able to put an older snapshot over a newer one.
 */
export class PostgresSnapshotStore implements SnapshotStore {
  /** Step 6: keep the client and the schema; do no I/O here. */
  constructor(db: SqlClient, options: PostgresSnapshotStoreOptions = {}) {
    void [db, options]
  }

  /** Step 6: create the schema (when one is named) and the `snapshots` table, if they do not exist. */
  init(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('PostgresSnapshotStore.init', 'create the schema and the snapshots table'),
    )
  }

  /** Step 6: the row for this aggregate type and id, as a Snapshot. */
  load(aggregateType: string, aggregateId: string): Promise<Snapshot | undefined> {
    void [aggregateType, aggregateId]
    return Promise.reject(new NotImplementedError('PostgresSnapshotStore.load', 'select the snapshot row'))
  }

  /** Step 6: upsert, keeping the row with the higher version. */
  save(snapshot: Snapshot): Promise<void> {
    void snapshot
    return Promise.reject(
      new NotImplementedError(
        'PostgresSnapshotStore.save',
        'upsert the snapshot unless a newer one is stored',
      ),
    )
  }
}
