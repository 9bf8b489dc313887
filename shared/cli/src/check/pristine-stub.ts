import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

export interface PristineStub {
  /** Folder holding a copy of the kata's `src/` as shipped. */
  readonly dir: string
  /** Where the copy came from, for the report: `git <ref>` or `working tree`. */
  readonly source: string
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return undefined
  }
}

/**
 * The commit whose stubs count as pristine. A learner's edits (committed on their own branch or
 * not) must never make the red check fail, so prefer the upstream commit their work started from.
 * `EDA_STUB_REF=worktree` checks the working tree instead (for maintainers editing a stub).
 */
export function pristineRef(root: string): string | undefined {
  const forced = process.env.EDA_STUB_REF
  if (forced) return forced === 'worktree' ? undefined : forced
  const upstream = ['origin/HEAD', 'origin/main'].find((r) => git(root, ['rev-parse', '--verify', '-q', r]))
  if (upstream) {
    const base = git(root, ['merge-base', 'HEAD', upstream])
    if (base) return base
  }
  return git(root, ['rev-parse', '--verify', '-q', 'HEAD'])
}

/** Copies the kata's pristine `src/` into `target` (outside `katas/`, which is never written). */
export function materialisePristineStub(root: string, kataDir: string, target: string): PristineStub {
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  const srcPath = relative(root, join(kataDir, 'src')).split('\\').join('/')
  const ref = pristineRef(root)
  const files = ref ? git(root, ['ls-tree', '-r', '--name-only', ref, '--', `${srcPath}/`]) : undefined
  if (ref && files) {
    for (const file of files.split('\n').filter(Boolean)) {
      const content = execFileSync('git', ['show', `${ref}:${file}`], { cwd: root, maxBuffer: 64 << 20 })
      const out = join(target, relative(srcPath, file))
      mkdirSync(dirname(out), { recursive: true })
      writeFileSync(out, content)
    }
    return { dir: target, source: `git ${ref.slice(0, 12)}` }
  }
  // Not committed yet (a kata being written) or no git: the working tree is all there is.
  cpSync(join(kataDir, 'src'), target, { recursive: true })
  return { dir: target, source: 'working tree' }
}
