import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Kata } from '../curriculum/workspace.ts'
import { stateDir } from '../state/local-state.ts'

export interface Backup {
  /** Folder name: a UTC timestamp and what made it, e.g. `2026-11-27T13-05-01-reset`. */
  readonly name: string
  readonly dir: string
}

const backupsOf = (kata: Kata) => join(stateDir(), 'backups', kata.dir)

export function listBackups(kata: Kata): Backup[] {
  const root = backupsOf(kata)
  if (!existsSync(root)) return []
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => ({ name, dir: join(root, name) }))
}

/** Copies the learner's `src/` aside before anything overwrites it; returns where it went. */
export function backUpSource(kata: Kata, reason: string): Backup {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, '')
  let name = `${stamp}-${reason}`
  for (let n = 2; existsSync(join(backupsOf(kata), name)); n++) name = `${stamp}-${reason}-${n}`
  const dir = join(backupsOf(kata), name)
  mkdirSync(dir, { recursive: true })
  cpSync(join(kata.kataDir, 'src'), dir, { recursive: true })
  return { name, dir }
}

/** Replaces the learner's `src/` with the files of `from`, exactly: files not in `from` go away. */
export function replaceSource(kata: Kata, from: string, exclude: readonly string[] = []): void {
  const src = join(kata.kataDir, 'src')
  rmSync(src, { recursive: true, force: true })
  cpSync(from, src, {
    recursive: true,
    filter: (file) => !exclude.includes(relative(from, file).split('\\').join('/')),
  })
}

function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  if (!existsSync(dir)) return files
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry)
    if (statSync(path).isFile()) files.set(entry.split('\\').join('/'), readFileSync(path, 'utf8'))
  }
  return files
}

/** True when two folders hold the same files with the same content. */
export function sameFiles(a: string, b: string): boolean {
  const fa = filesOf(a)
  const fb = filesOf(b)
  return fa.size === fb.size && [...fa].every(([name, content]) => fb.get(name) === content)
}
