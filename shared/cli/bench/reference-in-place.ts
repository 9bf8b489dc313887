import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { type Kata, repoRoot } from '../src/curriculum/workspace.ts'

/**
 * For a benchmark of a solved kata: copies the kata's `src/` to `.bench/<name>/`, puts the
 * reference's `src/` in its place, and returns what puts the kata's own back.
 */
export function referenceInPlace(kata: Kata, name: string): () => void {
  const srcDir = join(kata.kataDir, 'src')
  const backup = join(repoRoot, '.bench', name, kata.dir, 'src')
  rmSync(backup, { recursive: true, force: true })
  mkdirSync(backup, { recursive: true })
  cpSync(srcDir, backup, { recursive: true })
  cpSync(join(kata.solutionDir, 'src'), srcDir, { recursive: true })
  return () => {
    rmSync(srcDir, { recursive: true, force: true })
    cpSync(backup, srcDir, { recursive: true })
  }
}
