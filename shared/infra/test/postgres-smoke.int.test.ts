import type pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  CleanupRegistry,
  connectPostgres,
  createSchema,
  describeWithService,
  useCleanup,
} from '../../testkit/src/services/index.ts'

describeWithService('postgres', 'PostgreSQL smoke (pg against the real server)', () => {
  const cleanup = useCleanup()
  let client: pg.Client

  beforeAll(async () => {
    client = await connectPostgres()
  })
  afterAll(() => client.end())

  it('creates a JSONB table in a unique schema, inserts and queries it', async () => {
    const schema = await createSchema(client, { prefix: 'smoke', cleanup })
    await client.query(`create table "${schema}".events (id bigserial primary key, data jsonb not null)`)
    await client.query(`insert into "${schema}".events (data) values ($1), ($2)`, [
      { type: 'OrderPlaced', orderId: 'o-1', total: 42 },
      { type: 'OrderShipped', orderId: 'o-1' },
    ])

    const { rows } = await client.query(
      `select data->>'orderId' as "orderId", (data->>'total')::int as total from "${schema}".events where data @> $1`,
      [{ type: 'OrderPlaced' }],
    )

    expect(rows).toEqual([{ orderId: 'o-1', total: 42 }])
  })

  it('drops the schema and its tables when the cleanup runs', async () => {
    const registry = new CleanupRegistry()
    const schema = await createSchema(client, { prefix: 'smoke', cleanup: registry })
    await client.query(`create table "${schema}".t (x int)`)

    await registry.runAll()

    const { rowCount } = await client.query(
      'select 1 from information_schema.schemata where schema_name = $1',
      [schema],
    )
    expect(rowCount).toBe(0)
  })
})
