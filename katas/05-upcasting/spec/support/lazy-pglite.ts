import { PGlite } from '@electric-sql/pglite'
import type { SqlClient } from '#impl'

/** A database a suite can use; `started` tells whether anything was ever sent to it. */
export interface Database {
  readonly client: SqlClient
  readonly started: boolean
}

/**
 * One PGlite for a spec file, started by the first query rather than up front: its start takes
 * seconds, and a test that fails before touching the database (as every test does on the stub)
 * should not wait for it.
 */
export function lazyPglite(): Database & { close(): Promise<void> } {
  let instance: Promise<PGlite> | undefined
  const start = () => {
    instance ??= PGlite.create()
    return instance
  }
  return {
    client: { query: async (text, params) => (await start()).query(text, params) },
    get started() {
      return instance !== undefined
    },
    async close() {
      if (instance) await (await instance).close()
    },
  }
}
