import { uniqueName } from '@eda/testkit'
import { useCleanup } from '@eda/testkit/services'
import { describe, expect, it } from 'vitest'
import { PostgresSnapshotStore, type SqlClient } from '#impl'
import { replay } from './cart-events.ts'
import { cartFixture } from './fixtures.ts'
import { describeSnapshotStoreContract } from './snapshot-store-contract.ts'

/** A database the suite can use; `started` tells whether anything was ever sent to it. */
export interface Database {
  readonly client: SqlClient
  readonly started: boolean
}

/**
 * The snapshot store contract, plus what only a database adds, against one PostgreSQL: PGlite in
 * step 6, a server in step 7. Each test gets its own schema (created by `init`), dropped after it.
 */
export function describePostgresSnapshotStore(title: string, database: () => Database): void {
  // A first PGlite start can take most of a minute on a busy 2-core machine.
  describe(title, { timeout: 90_000 }, () => {
    const cleanup = useCleanup()

    /** A schema of its own for the test (init creates it), dropped after it. */
    const newSchema = (db: Database) => {
      const schema = uniqueName('snapshots').replaceAll('-', '_')
      cleanup.add(`drop schema ${schema}`, () =>
        db.started ? db.client.query(`drop schema if exists "${schema}" cascade`) : undefined,
      )
      return schema
    }

    const newStore = async () => {
      const db = database()
      const store = new PostgresSnapshotStore(db.client, { schema: newSchema(db) })
      await store.init()
      return store
    }

    describeSnapshotStoreContract('the snapshot store contract', newStore)

    it('creates its table only once: init on an existing table changes nothing', async () => {
      const db = database()
      const schema = newSchema(db)
      const first = new PostgresSnapshotStore(db.client, { schema })
      await first.init()
      const snapshot = {
        aggregateType: 'Cart',
        aggregateId: 'c-1',
        version: 4,
        revision: 1,
        state: { kept: true },
      }
      await first.save(snapshot)
      const second = new PostgresSnapshotStore(db.client, { schema })
      await second.init()
      expect(await second.load('Cart', 'c-1')).toEqual(snapshot)
    })

    it('serves a repository: the load reads only the tail after the stored snapshot', async () => {
      const cart = cartFixture({ snapshotEvery: 5, snapshotStore: await newStore() })
      for (const count of [3, 3, 2]) await cart.repository.execute(cart.cartId, cart.add(count))
      cart.counting.reset()
      const stream = await cart.stream()
      expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(stream), version: 8 })
      expect(cart.counting.readFrom).toEqual([7])
      expect(cart.counting.eventsRead).toBe(2)
    })

    it('lets the repository replay past a stored state it cannot parse', async () => {
      const store = await newStore()
      const cart = cartFixture({ snapshotEvery: 100, snapshotStore: store })
      const written = await cart.seed(6)
      await cart.snapshotAt(5, { state: { lines: 'written by an older release' } })
      expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(written), version: 6 })
    })
  })
}
