import { resolve } from 'node:path'
import type { Plugin } from 'vitest/config'

const normalise = (id: string) =>
  resolve(id.split('?')[0] ?? '')
    .split('\\')
    .join('/')

/**
 * Serves other code in place of some files (a mutant's bug, a stubbed function), each at its own
 * path: relative imports resolve as they always do, and nothing is written to disk.
 */
export function sourceSwapPlugin(sources: ReadonlyMap<string, string>): Plugin {
  const byId = new Map([...sources].map(([file, code]) => [normalise(file), code]))
  return {
    name: 'kata-source-swap',
    enforce: 'pre',
    load(id) {
      return byId.get(normalise(id)) ?? null
    },
  }
}
