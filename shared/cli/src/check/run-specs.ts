import { join } from 'node:path'
import type { Plugin } from 'vitest/config'
import { startVitest } from 'vitest/node'
import type { Kata } from '../curriculum/workspace.ts'

export interface TestOutcome {
  /** Spec file name, e.g. `01-subscribe.spec.ts`. */
  readonly file: string
  readonly name: string
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending'
  readonly errors: ReadonlyArray<{ readonly name: string; readonly message: string }>
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
}

const firstLine = (s: string) => s.split('\n')[0] ?? ''

/** Runs a kata's spec files, once, with `#impl` pointing at the given implementation. */
export async function runSpecs(kata: Kata, options: SpecRunOptions): Promise<SpecRun> {
  const exitCodeBefore = process.exitCode
  const vitest = await startVitest(
    'test',
    [],
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
    },
  )
  try {
    const tests: TestOutcome[] = []
    const fileErrors: SpecRun['fileErrors'][number][] = []
    for (const mod of vitest.state.getTestModules()) {
      const file = mod.relativeModuleId.split('/').pop() ?? mod.relativeModuleId
      for (const error of mod.errors())
        fileErrors.push({ file, name: error.name ?? 'Error', message: firstLine(error.message ?? '') })
      for (const test of mod.children.allTests()) {
        const result = test.result()
        tests.push({
          file,
          name: test.fullName,
          state: result.state,
          errors: (result.errors ?? []).map((e) => ({
            name: e.name ?? 'Error',
            message: firstLine(e.message ?? ''),
          })),
        })
      }
    }
    return { tests, fileErrors, unhandledErrors: vitest.state.getUnhandledErrors().length }
  } finally {
    await vitest.close()
    // startVitest sets the exit code on failure; a red or mutant run is meant to fail.
    process.exitCode = exitCodeBefore
  }
}
