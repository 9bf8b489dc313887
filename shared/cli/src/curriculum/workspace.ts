import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { repoRootOfBin } from '../../bin/test-server-client.js'
import { type KataMetadata, readKataMetadata } from './kata-metadata.ts'

/**
 * The monorepo root, found from the CLI's folder. `EDA_KATAS_ROOT` points the CLI at another checkout
 * (its own tests use a scratch repository, so they never touch the real katas).
 */
export const repoRoot = repoRootOfBin()

export interface Kata {
  /** Folder name, e.g. `01-pub-sub`; the number gives the curriculum order. */
  readonly dir: string
  readonly kataDir: string
  readonly solutionDir: string
  readonly meta: KataMetadata
}

export function listKatas(root = repoRoot): Kata[] {
  const katasDir = join(root, 'katas')
  if (!existsSync(katasDir)) return []
  return readdirSync(katasDir, { withFileTypes: true })
    .filter(
      (d) => d.isDirectory() && /^\d\d-/.test(d.name) && existsSync(join(katasDir, d.name, 'kata.json')),
    )
    .map((d) => ({
      dir: d.name,
      kataDir: join(katasDir, d.name),
      solutionDir: join(root, 'solutions', d.name),
      meta: readKataMetadata(join(katasDir, d.name)),
    }))
    .sort((a, b) => a.meta.order - b.meta.order || a.dir.localeCompare(b.dir))
}

/** Finds a kata by number (`1`, `01`), folder (`01-pub-sub`) or name (`pub-sub`, `@katas/pub-sub`). */
export function findKata(query: string, katas = listKatas()): Kata | undefined {
  const q = query.replace(/^@(katas|solutions)\//, '').toLowerCase()
  return katas.find(
    (k) =>
      k.dir === q ||
      k.meta.name === q ||
      (/^\d+$/.test(q) && Number(q) === k.meta.order) ||
      (/^\d+$/.test(q) && k.dir.startsWith(q.padStart(2, '0'))),
  )
}

/** The kata a solution folder belongs to: same folder name under `katas/`. */
export function kataForSolution(solutionDir: string, katas = listKatas()): Kata | undefined {
  const dir = resolve(solutionDir)
  return katas.find((k) => resolve(k.solutionDir) === dir)
}

/** How the CLI names a kata in the commands it suggests: its two-digit number. */
export const kataRef = (kata: Kata) => String(kata.meta.order).padStart(2, '0')
