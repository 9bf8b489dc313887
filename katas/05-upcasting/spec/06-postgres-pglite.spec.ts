import { lazyPGlite } from '@eda/testkit/pglite'
import { afterAll } from 'vitest'
import { describePostgresUpcasting } from './support/postgres-suite.ts'

// PostgreSQL compiled to WebAssembly, in this process. One instance for the whole file, started by
// its first query; every test works in a schema of its own.
const db = lazyPGlite()

afterAll(() => db.close())

describePostgresUpcasting('step 6: old rows in PostgreSQL (PGlite, embedded)', () => db)
