import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

// A fresh PGlite runs initdb, which takes 5–10 s on a small machine. The data directory it
// produces is the same every time, so it is made once, kept in the temp folder (the same file
// kata 06 uses), and loaded by every later start (1–3 s, still the most expensive thing here).
const cacheFile = join(tmpdir(), 'eda-katas-pglite-0.5.17-initdb.tar')

async function initialDataDir(): Promise<Blob> {
  if (!existsSync(cacheFile)) {
    const fresh = await PGlite.create()
    const dump = await fresh.dumpDataDir('none')
    await fresh.close()
    const partial = `${cacheFile}.${process.pid}.tmp`
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()))
    renameSync(partial, cacheFile)
  }
  return new Blob([readFileSync(cacheFile)])
}

let instance: Promise<PGlite> | undefined

/**
 * The PGlite of this test worker. Spec files run one after another in a worker and share its
 * modules (vitest `isolate: false`), so they share one instance too: a start per worker instead
 * of one per spec file halves the CPU time of a full run. Tests stay apart by schema (one per
 * test, dropped after it); the worker's exit ends the instance.
 */
export function workerPGlite(): Promise<PGlite> {
  instance ??= initialDataDir().then((loadDataDir) => PGlite.create({ loadDataDir }))
  return instance
}
