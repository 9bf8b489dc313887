import { fileURLToPath } from 'node:url'

/**
 * The monorepo's root. This package always lives at `<root>/shared/infra`, so the root is known
 * from this file's location whatever the current directory of the command is.
 */
export function repoRoot(): string {
  return fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '')
}
