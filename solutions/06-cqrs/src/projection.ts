import type { StoredEvent } from './event-store.ts'
import type { SqlExecutor } from './sql-client.ts'

/**
 * A read model built from events. Its tables are unqualified: they live in the connection's
 * `search_path`, so each test (or tenant) gets its own schema.
 */
export interface Projection {
  /** Unique among the projections of one projector: the checkpoint's key. */
  readonly name: string
  /** The event types `apply` handles; the projector skips the others (and still moves past them). */
  readonly handles: readonly string[]
  /** Creates the read model's tables if they do not exist. */
  init(db: SqlExecutor): Promise<void>
  /** Empties the read model (before a rebuild). */
  truncate(tx: SqlExecutor): Promise<void>
  /** Applies one event inside the projector's transaction. Uses the event only: no live lookups. */
  apply(tx: SqlExecutor, stored: StoredEvent): Promise<void>
}
