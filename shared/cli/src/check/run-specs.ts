import { join, relative } from 'node:path'
import type { Plugin } from 'vitest/config'
import { startVitest, type TestModule } from 'vitest/node'
import { type Kata, repoRoot } from '../curriculum/workspace.ts'
import { StepOrderSequencer } from './step-order-sequencer.ts'

export interface TestOutcome {
  /** Spec file name, e.g. `01-subscribe.spec.ts`. */
  readonly file: string
  readonly name: string
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending'
  readonly errors: ReadonlyArray<TestFailure>
}

export interface TestFailure {
  readonly name: string
  /** The first line of the message: the expectation that failed. */
  readonly message: string
  /** Where in a spec file it failed, when the stack says so. */
  readonly at?: string
}

export interface SpecRun {
  readonly tests: readonly TestOutcome[]
  /** Errors that stopped a whole spec file (an import that failed, a throwing `beforeAll`). */
  readonly fileErrors: ReadonlyArray<{
    readonly file: string
    readonly name: string
    readonly message: string
  }>
  readonly unhandledErrors: number
}

export interface SpecRunOptions {
  /** What `#impl` resolves to for this run. */
  readonly implEntry: string
  readonly plugins?: Plugin[]
  /** Stop at the first failing test (mutant runs). */
  readonly bail?: boolean
  /** Print vitest's usual report (the green run) or nothing. */
  readonly report?: boolean
  /** Only these spec files (names under spec/); all of them when absent. */
  readonly files?: readonly string[]
  /**
   * For the learner's own runs: worker threads and Vitest's on-disk module cache (about a third
   * faster). Never for the checks, whose aliases and mutant overlays change what a file resolves to.
   */
  readonly cached?: boolean
}

/** Settings that make a learner's repeated runs of the same code faster. */
export const LEARNER_RUN_SETTINGS = { pool: 'threads', experimental: { fsModuleCache: true } } as const

const firstLine = (s: string) => s.split('\n')[0] ?? ''

/** Runs a kata's spec files, once, with `#impl` pointing at the given implementation. */
export async function runSpecs(kata: Kata, options: SpecRunOptions): Promise<SpecRun> {
  const exitCodeBefore = process.exitCode
  const vitest = await startVitest(
    'test',
    (options.files ?? []).map((f) => `spec/${f}`),
    {
      root: kata.kataDir,
      config: join(kata.kataDir, 'vitest.config.ts'),
      run: true,
      watch: false,
      ...(options.bail ? { bail: 1 } : {}),
      ...(options.report ? {} : { reporters: [{}] }),
    },
    {
      resolve: { alias: [{ find: /^#impl$/, replacement: options.implEntry }] },
      plugins: options.plugins ?? [],
      test: { sequence: { sequencer: StepOrderSequencer }, ...(options.cached ? LEARNER_RUN_SETTINGS : {}) },
    },
  )
  try {
    return toSpecRun(vitest.state.getTestModules(), vitest.state.getUnhandledErrors().length)
  } finally {
    await vitest.close()
    // startVitest sets the exit code on failure; a red or mutant run is meant to fail.
    process.exitCode = exitCodeBefore
  }
}

interface RawError {
  name?: string
  message?: string
  stacks?: ReadonlyArray<{ file: string; line: number; column: number }>
}

const toFailure = (e: RawError): TestFailure => {
  const frame = e.stacks?.find((f) => /\.spec\.ts$/.test(f.file))
  const at = frame ? `${relative(repoRoot, frame.file)}:${frame.line}:${frame.column}` : undefined
  return { name: e.name ?? 'Error', message: firstLine(e.message ?? ''), ...(at ? { at } : {}) }
}

/** What a finished run says, per test and per file, in the shape the checks and the CLI read. */
export function toSpecRun(modules: ReadonlyArray<TestModule>, unhandledErrors: number): SpecRun {
  const tests: TestOutcome[] = []
  const fileErrors: SpecRun['fileErrors'][number][] = []
  for (const mod of modules) {
    const file = mod.relativeModuleId.split('/').pop() ?? mod.relativeModuleId
    for (const error of mod.errors()) fileErrors.push({ file, ...toFailure(error) })
    for (const test of mod.children.allTests()) {
      const result = test.result()
      tests.push({
        file,
        name: test.fullName,
        state: result.state,
        errors: (result.errors ?? []).map(toFailure),
      })
    }
  }
  return { tests, fileErrors, unhandledErrors }
}
