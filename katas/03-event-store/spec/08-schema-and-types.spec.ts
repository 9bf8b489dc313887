import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { ConcurrencyError, PostgresEventStore, postgresDatabase, type RecordedEvent } from '#impl'
import { onEveryBackend, onPostgresServer, onSqlBackends } from './support/backends.ts'
import { orderIdsOf, rejectionOf, shopEvents } from './support/events.ts'
import { readAllOnceVisible } from './support/holds.ts'

function expectTypedPositions(event: RecordedEvent | undefined) {
  expect(typeof event?.streamPosition).toBe('number')
  expect(typeof event?.globalPosition).toBe('bigint')
  expect(event?.recordedAt).toBeInstanceOf(Date)
  expect(Number.isNaN(event?.recordedAt.getTime())).toBe(false)
}

describe('step 8: schema and types', () => {
  onEveryBackend((backend) => {
    it('positions come back as numbers (stream) and bigints (global), never strings; times as Dates', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      const hooked: RecordedEvent[] = []

      const result = await store.appendToStream(
        'order-o-1',
        [shop.orderPlaced('o-1'), shop.orderShipped('o-1')],
        {
          beforeCommit: (events) => {
            hooked.push(...events)
          },
        },
      )

      expect(typeof result.nextExpectedVersion).toBe('number')
      expect(typeof result.lastGlobalPosition).toBe('bigint')
      const read = await store.readStream('order-o-1')
      expect(typeof read.currentVersion).toBe('number')
      for (const event of [...hooked, ...read.events, ...(await readAllOnceVisible(store, 2))])
        expectTypedPositions(event)
      expect(typeof (await store.headPosition())).toBe('bigint')
      const conflict = await rejectionOf(
        store.appendToStream('order-o-1', [shop.orderShipped('o-1')], { expectedVersion: 1 }),
      )
      expect(conflict).toBeInstanceOf(ConcurrencyError)
      expect(typeof (conflict as ConcurrencyError).actual).toBe('number')
    })
  })

  onSqlBackends((backend) => {
    it('creating the schema again, from the same or another store object, changes nothing', async () => {
      const { store } = await backend.open()
      expect(store).toBeInstanceOf(PostgresEventStore)
      await store.appendToStream('order-o-1', [shopEvents().orderPlaced('o-1')])

      await (store as PostgresEventStore).createSchema()
      await (store as PostgresEventStore).createSchema()

      const read = await store.readStream('order-o-1')
      expect(orderIdsOf(read.events)).toEqual(['o-1'])
      expect(read.currentVersion).toBe(1)
    })

    it('each schema is a store of its own: events never cross', async () => {
      const first = await backend.open()
      const second = await backend.open()

      await first.store.appendToStream('order-o-1', [shopEvents().orderPlaced('first')])
      await second.store.appendToStream('order-o-1', [shopEvents().orderPlaced('second')])

      expect(orderIdsOf((await first.store.readStream('order-o-1')).events)).toEqual(['first'])
      expect(orderIdsOf(await readAllOnceVisible(second.store, 1))).toEqual(['second'])
      expect(await second.store.readAll()).toHaveLength(1)
    })
  })

  onPostgresServer(() => {
    it('with the server unreachable, an append rejects with the connection error (not a ConcurrencyError) and leaks no client', async () => {
      // Port 1 refuses at once: this needs no server, only the driver's behaviour.
      const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', max: 2 })
      pool.on('error', () => undefined)
      const store = new PostgresEventStore(postgresDatabase(pool), { schema: 'unreachable' })
      try {
        const error = await rejectionOf(store.appendToStream('order-o-1', [shopEvents().orderPlaced('o-1')]))
        expect(error).not.toBeInstanceOf(ConcurrencyError)
        expect(error).toMatchObject({ code: 'ECONNREFUSED' })
        await expect(store.readStream('order-o-1')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
        expect(pool.totalCount, 'clients still held by the pool').toBe(0)
      } finally {
        await pool.end()
      }
    })
  })
})
