import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { filesUnder } from '../curriculum/files-under.ts'
import { repoRoot } from '../curriculum/workspace.ts'

/**
 * What a running test server cannot pick up by itself: the CLI's own code, the installed packages
 * (the lockfile and pnpm's install record), the shared Vitest and TypeScript settings, and each
 * kata's configuration. When any of them changes, the server steps aside and exits.
 */
function watchedFiles(): string[] {
  const cli = join(repoRoot, 'shared', 'cli')
  const files = [
    join(repoRoot, 'pnpm-lock.yaml'),
    join(repoRoot, 'node_modules', '.modules.yaml'),
    join(repoRoot, 'vitest.shared.ts'),
    join(repoRoot, 'tsconfig.base.json'),
  ]
  files.push(...filesUnder(join(cli, 'src')), ...filesUnder(join(cli, 'bin')))
  for (const kata of existsSync(join(repoRoot, 'katas')) ? readdirSync(join(repoRoot, 'katas')) : [])
    for (const name of ['vitest.config.ts', 'package.json', 'kata.json'])
      files.push(join(repoRoot, 'katas', kata, name))
  return files
}

export function serverFingerprint(): string {
  return watchedFiles()
    .map((file) => {
      try {
        const stat = statSync(file)
        return stat.isFile() ? `${file}:${stat.mtimeMs}:${stat.size}` : ''
      } catch {
        return ''
      }
    })
    .join('\n')
}
