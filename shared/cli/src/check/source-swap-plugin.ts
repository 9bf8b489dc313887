import { resolve } from 'node:path'
import type { Plugin } from 'vitest/config'

const normalise = (id: string) =>
  resolve(id.split('?')[0] ?? '')
    .split('\\')
    .join('/')

/**
 * Serves `code` in place of one file, which keeps its path: its relative imports resolve as they
 * always do, and nothing is written to disk.
 */
export function sourceSwapPlugin(file: string, code: string): Plugin {
  const target = normalise(file)
  return {
    name: 'kata-source-swap',
    enforce: 'pre',
    load(id) {
      return normalise(id) === target ? code : null
    },
  }
}
