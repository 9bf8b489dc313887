import { connectPostgres, describeWithService } from '@eda/testkit/services'
import type pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { describePostgresSnapshotStore } from './support/postgres-snapshot-store-suite.ts'

// The same suite on a real server (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
// Skipped with the command that starts one when it is not running; required in CI.
describeWithService('postgres', 'step 7: snapshots on a PostgreSQL server', () => {
  let client: pg.Client | undefined

  beforeAll(async () => {
    client = await connectPostgres()
  })

  afterAll(async () => {
    await client?.end()
  })

  describePostgresSnapshotStore('through node-postgres', () => {
    if (!client) throw new Error('no PostgreSQL connection')
    return { client, started: true }
  })
})
