import {
  CheckpointStore,
  listCustomerStats,
  listOrderSummaries,
  type Projection,
  type SqlExecutor,
  type StoredEvent,
} from '#impl'

/** Everything the two read models hold, for deep-equal comparisons. */
export async function snapshot(db: SqlExecutor) {
  return { orders: await listOrderSummaries(db), customers: await listCustomerStats(db) }
}

/**
 * A deliberately non-idempotent projection: one counter per event type, `n = n + 1`. Only the
 * projector's transaction (read model and checkpoint together) can keep it exact.
 */
export function eventCounter(
  name = 'event-counter',
): Projection & { counts(db: SqlExecutor): Promise<Record<string, number>> } {
  const table = name.replace(/-/g, '_')
  return {
    name,
    handles: ['OrderPlaced', 'PaymentProcessed', 'OrderShipped', 'OrderCancelled', 'ItemAddedToCart'],
    async init(db) {
      await db.query(`create table if not exists ${table} (event_type text primary key, n integer not null)`)
    },
    async truncate(tx) {
      await tx.query(`delete from ${table}`)
    },
    async apply(tx, { event }) {
      await tx.query(
        `insert into ${table} values ($1, 1) on conflict (event_type) do update set n = ${table}.n + 1`,
        [event.eventType],
      )
    },
    async counts(db) {
      const { rows } = await db.query<{ event_type: string; n: number }>(`select * from ${table}`)
      return Object.fromEntries(rows.map((r) => [r.event_type, r.n]))
    },
  }
}

/** A checkpoint store whose saves fail while `crashed` is true: the process dies right there. */
export class CrashingCheckpoints extends CheckpointStore {
  crashed = true
  override async save(tx: SqlExecutor, name: string, position: number): Promise<void> {
    if (this.crashed) throw new Error('the process died before the checkpoint was written')
    await super.save(tx, name, position)
  }
}

/** Wraps a projection: `before(stored)` runs before each apply (to fail, count, or wait). */
export function instrumented(
  projection: Projection,
  before: (stored: StoredEvent) => void | Promise<void>,
): Projection {
  return {
    ...projection,
    init: (db) => projection.init(db),
    truncate: (tx) => projection.truncate(tx),
    async apply(tx, stored) {
      await before(stored)
      await projection.apply(tx, stored)
    },
  }
}
