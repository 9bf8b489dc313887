import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

/** The installed PGlite's version: a data directory from another version may not load. */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (!existsSync(manifest)) continue
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name?: string
      version?: string
    }
    if (name === '@electric-sql/pglite' && version) return version
  }
  return 'unknown'
}

let initialDataDir: Promise<Blob> | undefined

/**
 * A fresh PGlite runs initdb, 5–10 s on a small machine, and produces the same data directory
 * every time. It is made once, kept in the temp folder under the PGlite version, and loaded by
 * every later start (1–2 s). Written under a process-unique name and renamed, so workers that
 * race to make it never read half a file.
 */
export function initdbDataDir(): Promise<Blob> {
  initialDataDir ??= (async () => {
    const cacheFile = join(tmpdir(), `eda-katas-pglite-${pgliteVersion()}-initdb.tar`)
    if (!existsSync(cacheFile)) {
      const fresh = await PGlite.create()
      const dump = await fresh.dumpDataDir('none')
      await fresh.close()
      const partial = `${cacheFile}.${process.pid}.tmp`
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()))
      renameSync(partial, cacheFile)
    }
    return new Blob([readFileSync(cacheFile)])
  })()
  return initialDataDir
}
