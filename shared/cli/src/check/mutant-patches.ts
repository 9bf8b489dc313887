import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyPatch } from 'diff'

/** A mutant's patch that no longer fits the reference it was written against. */
export class StaleMutantError extends Error {
  override readonly name = 'StaleMutantError'
  constructor(
    readonly mutant: string,
    readonly file: string,
  ) {
    super(
      `mutant ${mutant}: its patch no longer applies to src/${file} (the reference changed under it); ` +
        'make the wrong version again from the current reference and save its diff',
    )
  }
}

/**
 * A mutant is the reference with one bug: `mutants/<name>/<file>.ts.patch` is a unified diff
 * against `src/<file>.ts`. Returns, for each patched file, its path in `src/` and the wrong code
 * to serve there. A patch holds only the bug, so a mutant cannot keep old reference code, and one
 * that no longer applies fails loudly instead of testing something else.
 */
export function mutantSources(referenceSrc: string, mutantDir: string, mutant: string): Map<string, string> {
  const sources = new Map<string, string>()
  for (const patchFile of readdirSync(mutantDir).filter((f) => f.endsWith('.patch'))) {
    const file = patchFile.slice(0, -'.patch'.length)
    const target = join(referenceSrc, file)
    if (!existsSync(target)) throw new StaleMutantError(mutant, file)
    const patched = applyPatch(readFileSync(target, 'utf8'), readFileSync(join(mutantDir, patchFile), 'utf8'))
    if (patched === false) throw new StaleMutantError(mutant, file)
    sources.set(target, patched)
  }
  return sources
}
