import { uniqueName } from '@eda/testkit'
import { useCleanup } from '@eda/testkit/services'
import { describe, expect, it } from 'vitest'
import { PostgresEventLog, type SqlClient, shopSchema, UpcasterRegistry, UpcastingEventStore } from '#impl'
import { newShopEvents, orderSummary } from './shop-events.ts'

/** A database the suite can use; `started` tells whether anything was ever sent to it. */
export interface Database {
  readonly client: SqlClient
  readonly started: boolean
}

/**
 * Upcasting over rows in PostgreSQL: PGlite in step 6, a server in step 7. Old rows are inserted
 * with SQL, as an older release left them: no version column value, the old type name, v2 rows.
 * Each test gets its own schema, dropped after it.
 */
export function describePostgresUpcasting(title: string, database: () => Database): void {
  // A first PGlite start can take most of a minute on a busy 2-core machine.
  describe(title, { timeout: 90_000 }, () => {
    const cleanup = useCleanup()

    async function setup() {
      const registry = new UpcasterRegistry(shopSchema)
      // Checked before the database is touched (a stub fails here without waiting for PGlite).
      expect(registry.latestVersion('OrderPlaced')).toBe(3)
      const connection = database()
      const db = connection.client
      const schema = uniqueName('upcasting').replaceAll('-', '_')
      cleanup.add(`drop schema ${schema}`, () =>
        connection.started ? db.query(`drop schema if exists "${schema}" cascade`) : undefined,
      )
      const log = new PostgresEventLog(db, { schema })
      await log.init()
      const store = new UpcastingEventStore(log, registry)
      const rows = async () =>
        (await db.query(`select * from ${log.table} order by global_position`)).rows as Array<
          Record<string, unknown>
        >
      /** Inserts a row as an older release wrote it. */
      const insert = (
        stream: string,
        position: number,
        type: string,
        version: number | null,
        data: object,
        userId?: string,
      ) =>
        db.query(
          `insert into ${log.table} (stream_id, stream_position, event_id, event_type, version, occurred_at,
             correlation_id, causation_id, data, metadata)
           values ($1, $2, $3, $4, $5, $6, $7, null, $8::jsonb, $9::jsonb)`,
          [
            stream,
            position,
            `${stream}-${position}`,
            type,
            version,
            `2023-0${position}-01T12:00:00.000Z`,
            `corr-${stream}-${position}`,
            JSON.stringify(data),
            JSON.stringify(userId ? { userId } : {}),
          ],
        )
      /** Order-1 as three releases wrote it: OrderSubmitted, OrderPlaced without a version, then v2. */
      const seedHistory = async (stream: string) => {
        await insert(
          stream,
          1,
          'OrderSubmitted',
          null,
          { orderId: 'o-1', customerId: 'c-1', total: 10 },
          'u-1',
        )
        await insert(stream, 2, 'OrderPlaced', null, { orderId: 'o-2', customerId: 'c-2', total: 20 }, 'u-2')
        await insert(stream, 3, 'OrderPlaced', 2, {
          orderId: 'o-3',
          customerId: 'c-3',
          items: [{ sku: 'book-1', quantity: 2, unitPrice: 15 }],
          totalAmount: 30,
          currency: 'USD',
        })
      }
      return { db, log, store, rows, insert, seedHistory }
    }

    it('reads rows an older release wrote (no version, the old type name, v2) as OrderPlaced v3', async () => {
      const { store, seedHistory } = await setup()
      await seedHistory('Order-o-1')
      const read = await store.readStream('Order-o-1')
      expect(read.map((e) => [e.eventId, e.eventType, e.version, e.streamPosition])).toEqual([
        ['Order-o-1-1', 'OrderPlaced', 3, 1],
        ['Order-o-1-2', 'OrderPlaced', 3, 2],
        ['Order-o-1-3', 'OrderPlaced', 3, 3],
      ])
      expect(read.map((e) => e.data)).toEqual([
        {
          orderId: 'o-1',
          customer: { id: 'c-1' },
          items: [],
          totalAmount: 10,
          currency: 'USD',
          placedBy: 'u-1',
        },
        {
          orderId: 'o-2',
          customer: { id: 'c-2' },
          items: [],
          totalAmount: 20,
          currency: 'USD',
          placedBy: 'u-2',
        },
        {
          orderId: 'o-3',
          customer: { id: 'c-3' },
          items: [{ sku: 'book-1', quantity: 2, unitPrice: 15 }],
          totalAmount: 30,
          currency: 'USD',
          placedBy: null,
        },
      ])
      expect(read[0]).toMatchObject({
        timestamp: '2023-01-01T12:00:00.000Z',
        correlationId: 'corr-Order-o-1-1',
      })
    })

    it('never rewrites a row: the table reads the same after the events were upcast', async () => {
      const { store, rows, seedHistory } = await setup()
      await seedHistory('Order-o-2')
      const before = await rows()
      await store.readStream('Order-o-2')
      await store.readAll()
      await store.aggregateStream('Order-o-2', orderSummary)
      expect(await rows()).toEqual(before)
    })

    it('writes new events at the latest version: the row says version 3', async () => {
      const { store, rows, seedHistory } = await setup()
      await seedHistory('Order-o-3')
      await store.appendToStream('Order-o-3', [newShopEvents().orderPlaced('o-4', 40)])
      expect((await rows()).map((row) => [row.event_type, row.version])).toEqual([
        ['OrderSubmitted', null],
        ['OrderPlaced', null],
        ['OrderPlaced', 2],
        ['OrderPlaced', 3],
      ])
    })

    it('reads all streams in global order, upcast, and folds the old stream like a new one', async () => {
      const { store, seedHistory } = await setup()
      await seedHistory('Order-a')
      await store.appendToStream('Order-b', [newShopEvents().orderPlaced('o-9', 50)])
      const all = await store.readAll()
      expect(all.map((e) => [e.globalPosition, e.streamId, e.version])).toEqual([
        [1, 'Order-a', 3],
        [2, 'Order-a', 3],
        [3, 'Order-a', 3],
        [4, 'Order-b', 3],
      ])
      expect(await store.aggregateStream('Order-a', orderSummary)).toEqual({
        version: 3,
        state: {
          orders: 3,
          revenue: { USD: 60 },
          customers: ['c-1', 'c-2', 'c-3'],
          placedBy: ['u-1', 'u-2', null],
          shipped: 0,
        },
      })
    })
  })
}
