import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { uniqueName } from '@eda/testkit'
import { PGlite } from '@electric-sql/pglite'

// A fresh PGlite runs initdb, which takes 5–10 s on a small machine. The data directory it
// produces is the same every time, so it is made once, kept in the temp folder, and loaded
// (1–2 s) by every later start. One PGlite per spec file; one schema per test.
const cacheFile = join(tmpdir(), 'eda-katas-pglite-0.5.17-initdb.tar')
let initialDataDir: Blob | undefined

async function dataDir(): Promise<Blob> {
  if (initialDataDir) return initialDataDir
  if (!existsSync(cacheFile)) {
    const fresh = await PGlite.create()
    const dump = await fresh.dumpDataDir('none')
    await fresh.close()
    const partial = `${cacheFile}.${process.pid}.tmp`
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()))
    renameSync(partial, cacheFile)
  }
  initialDataDir = new Blob([readFileSync(cacheFile)])
  return initialDataDir
}

export async function startPglite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await dataDir() })
}

/** A new schema for this test, made the default for unqualified names (`search_path`). */
export async function useFreshSchema(db: PGlite): Promise<string> {
  const schema = uniqueName('cqrs').replace(/-/g, '_')
  await db.exec(`create schema ${schema}; set search_path to ${schema}`)
  return schema
}
