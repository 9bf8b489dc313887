import { lazyPGlite } from '@eda/testkit/pglite'
import { afterAll } from 'vitest'
import { describePostgresSnapshotStore } from './support/postgres-snapshot-store-suite.ts'

// PostgreSQL compiled to WebAssembly, in this process: no server needed. One instance for the
// whole file, started by its first query; every test works in a schema of its own.
const db = lazyPGlite()

afterAll(() => db.close())

describePostgresSnapshotStore('step 6: snapshots in PostgreSQL (PGlite, embedded)', () => db)
