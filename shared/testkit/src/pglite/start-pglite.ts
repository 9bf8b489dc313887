import { PGlite } from '@electric-sql/pglite'
import { uniqueName } from '../unique-name.ts'
import { initdbDataDir } from './initdb-cache.ts'

/** A new PGlite (PostgreSQL in WebAssembly, in this process), started from the cached initdb. */
export async function startPGlite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await initdbDataDir() })
}

let workerInstance: Promise<PGlite> | undefined

/**
 * The PGlite of this test worker. Spec files run one after another in a worker and share its
 * modules (vitest `isolate: false`), so they can share one instance: one start per worker instead
 * of one per spec file. Keep tests apart by schema (`useFreshSchema`); the worker's exit ends it.
 */
export function workerPGlite(): Promise<PGlite> {
  workerInstance ??= startPGlite()
  return workerInstance
}

/** A PGlite started by its first query; `started` tells whether anything was ever sent to it. */
export interface LazyPGlite {
  readonly client: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> }
  readonly started: boolean
  close(): Promise<void>
}

/**
 * One PGlite started by the first query rather than up front: a test that fails before touching
 * the database (as every test does on a stub) does not wait seconds for it.
 */
export function lazyPGlite(): LazyPGlite {
  let instance: Promise<PGlite> | undefined
  const start = () => {
    instance ??= startPGlite()
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

/** A new schema for this test, made the default for unqualified names (`search_path`). */
export async function useFreshSchema(db: PGlite, prefix: string): Promise<string> {
  const schema = uniqueName(prefix).replace(/[^a-z0-9_]/gi, '_')
  await db.exec(`create schema ${schema}; set search_path to ${schema}`)
  return schema
}
