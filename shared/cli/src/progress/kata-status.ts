import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pristineRef } from '../check/pristine-stub.ts'
import type { SpecRun } from '../check/run-specs.ts'
import { runSpecs } from '../check/run-specs.ts'
import { filesUnder } from '../curriculum/files-under.ts'
import type { Kata } from '../curriculum/workspace.ts'
import { repoRoot } from '../curriculum/workspace.ts'
import { readState, updateState } from '../state/local-state.ts'

export type KataState = 'not-started' | 'in-progress' | 'solved'

export interface KataStatus {
  readonly state: KataState
  /** Steps whose spec file passes completely. */
  readonly passedSteps: number
  /** The first step with a failing test, by its position in `kata.json` (0-based). */
  readonly failingStep?: number
}

/** A hash of what decides the status: the learner's code and the specs. */
export function fingerprint(kata: Kata): string {
  const hash = createHash('sha256')
  for (const file of [...filesUnder(join(kata.kataDir, 'src')), ...filesUnder(join(kata.kataDir, 'spec'))]) {
    hash.update(relative(kata.kataDir, file))
    hash.update(readFileSync(file))
  }
  return hash.digest('hex')
}

/** True when the learner's `src/` is still the stub as shipped (no test run needed to know). */
export function isPristine(kata: Kata): boolean {
  const ref = pristineRef(repoRoot)
  if (!ref) return false
  const src = relative(repoRoot, join(kata.kataDir, 'src'))
  try {
    execFileSync('git', ['diff', '--quiet', ref, '--', src], { cwd: repoRoot, stdio: 'ignore' })
    const untracked = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', src], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
    return untracked.trim() === ''
  } catch {
    return false
  }
}

/**
 * Status from a spec run: a step is done when every test in its spec file passes, and steps count
 * in order. A step that passes after a failing one does not count: runs stop at the first failing
 * step, so whether it is reached must not change the count.
 */
export function statusFromRun(kata: Kata, run: SpecRun): KataStatus {
  const stepOk = kata.meta.steps.map((step) => {
    const tests = run.tests.filter((t) => t.file === step.spec)
    const crashed = run.fileErrors.some((e) => e.file === step.spec)
    return !crashed && tests.length > 0 && tests.every((t) => t.state === 'passed')
  })
  const failing = stepOk.indexOf(false)
  if (failing === -1) return { state: 'solved', passedSteps: stepOk.length }
  return { state: 'in-progress', passedSteps: failing, failingStep: failing }
}

/** Remembers a status with the fingerprint it was computed for; a stale entry is never trusted. */
export function rememberStatus(kata: Kata, status: KataStatus) {
  updateState((state) => {
    state.status[kata.dir] = { fingerprint: fingerprint(kata), status }
  })
}

export function cachedStatus(kata: Kata): KataStatus | undefined {
  const entry = readState().status[kata.dir]
  return entry && entry.fingerprint === fingerprint(kata) ? (entry.status as KataStatus) : undefined
}

/**
 * The learner's status in a kata: "not started" while `src/` is the stub as shipped, else from the
 * remembered result for this exact code, else by running the specs (quietly) and remembering it.
 */
export async function currentStatus(kata: Kata): Promise<KataStatus> {
  if (isPristine(kata)) return { state: 'not-started', passedSteps: 0, failingStep: 0 }
  const cached = cachedStatus(kata)
  if (cached) return cached
  const status = statusFromRun(
    kata,
    await runSpecs(kata, { implEntry: join(kata.kataDir, 'src', 'index.ts'), cached: true }),
  )
  rememberStatus(kata, status)
  return status
}
