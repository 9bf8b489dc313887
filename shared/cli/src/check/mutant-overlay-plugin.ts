import { existsSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { Plugin } from 'vitest/config'

/**
 * Runs the reference solution with some of its files swapped for a mutant's. A mutant folder
 * mirrors `src/`: `mutants/<name>/event-bus.ts` stands in for `src/event-bus.ts`, and imports the
 * files it does not replace as `../../src/<file>.ts`, so it type-checks like any other file.
 */
export function mutantOverlayPlugin(referenceSrc: string, overlayDir: string): Plugin {
  const inside = (dir: string, file: string) => {
    const rel = relative(dir, file)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  }
  return {
    name: 'kata-mutant-overlay',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const bare = !source.startsWith('.') && !isAbsolute(source) && !source.startsWith('file:')
      if (bare && source !== '#impl') return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      if (!resolved || !inside(referenceSrc, resolved.id.split('?')[0] ?? '')) return resolved
      const candidate = join(overlayDir, relative(referenceSrc, resolved.id.split('?')[0] ?? ''))
      // A mutant file importing the original it replaces gets the original, not itself.
      if (importer !== undefined && importer.split(sep).join('/') === candidate.split(sep).join('/'))
        return resolved
      return existsSync(candidate) ? candidate : resolved
    },
  }
}
