import { realpathSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { createVitest, type TestModule, type TestSpecification, type Vitest } from 'vitest/node'
import { type SpecRun, toSpecRun } from '../check/run-specs.ts'
import { filesUnder } from '../curriculum/files-under.ts'
import type { Kata } from '../curriculum/workspace.ts'
import { RunStalledError, RunWatchdog } from './run-watchdog.ts'
import { WarmThread } from './warm-thread-pool.ts'

/** Vite keys its module graph by paths with forward slashes, on Windows too. */
const slash = (path: string) => path.replace(/\\/g, '/')

/**
 * A path as Vite's module graph has it: symbolic links resolved (a checkout under a linked folder,
 * macOS's /var → /private/var), forward slashes. A deleted file keeps its name in its folder.
 */
function graphPath(path: string): string {
  try {
    return slash(realpathSync(path))
  } catch {
    try {
      return slash(join(realpathSync(dirname(path)), basename(path)))
    } catch {
      return slash(path)
    }
  }
}

/** A step is done when its spec file loaded and every one of its tests passed. */
const stepPassed = (modules: ReadonlyArray<TestModule>) => {
  const run = toSpecRun(modules, 0)
  return run.fileErrors.length === 0 && run.tests.length > 0 && run.tests.every((t) => t.state === 'passed')
}

/**
 * The engine of `kata test`, `kata watch` and the test server, so all three give the same answer:
 * one Vitest instance and one warm test thread for as long as it lives. A
 * run goes through the steps in order, one spec file at a time, and stops at the first step that
 * does not pass (and, with `bail`, at its first failing test): the view only ever shows that
 * step, so later files are not even loaded. Earlier steps always run again, so a change that
 * breaks one of them is what the learner sees.
 */
export class StepRunner {
  readonly #pending = new Set<string>()
  readonly #stamps = new Map<string, string>()
  #lastRunStartedAt = Number.POSITIVE_INFINITY

  private constructor(
    private readonly kata: Kata,
    private readonly vitest: Vitest,
    private readonly thread: WarmThread,
    private readonly watchdog: RunWatchdog,
    private readonly specs: readonly TestSpecification[],
  ) {}

  static async start(kata: Kata): Promise<StepRunner> {
    const thread = new WarmThread()
    const watchdog = new RunWatchdog()
    const vitest = await createVitest(
      'test',
      {
        root: kata.kataDir,
        config: join(kata.kataDir, 'vitest.config.ts'),
        watch: false,
        reporters: [watchdog.reporter],
        bail: 1,
      },
      { test: { pool: thread.pool(), experimental: { fsModuleCache: true } } },
    )
    watchdog.useTimeouts(vitest.config.testTimeout, vitest.config.hookTimeout)
    const found = await vitest.globTestSpecifications()
    const position = (spec: TestSpecification) => {
      const file = spec.moduleId.split('/').pop() ?? ''
      const i = kata.meta.steps.findIndex((step) => step.spec === file)
      return i === -1 ? kata.meta.steps.length : i
    }
    const specs = [...found].sort((a, b) => position(a) - position(b) || a.moduleId.localeCompare(b.moduleId))
    return new StepRunner(kata, vitest, thread, watchdog, specs)
  }

  /** One run, for `kata test` when no test server answers; a later step's file is not even loaded. */
  static async once(kata: Kata): Promise<SpecRun> {
    const runner = await StepRunner.start(kata)
    try {
      return await runner.run()
    } finally {
      await runner.close()
    }
  }

  /**
   * Files that changed: Vitest drops their compiled form, and the test thread evaluates them and
   * every module that imports them (up to the spec files) again on the next run.
   */
  invalidate(paths: readonly string[]) {
    for (const path of paths.map(graphPath)) {
      this.vitest.invalidateFile(path)
      for (const file of this.#importersOf(path)) this.#pending.add(file)
    }
  }

  /**
   * For a runner without a file watcher (the test server): the files that changed since the last
   * look, by modification time and size, among every file the specs have loaded (the kata's own,
   * the shared packages' sources) and everything under the kata's `src/` and `spec/`. A file
   * seen for the first time counts as changed if it was modified after the last run started: it
   * may have been loaded before that edit.
   */
  changedFiles(): string[] {
    const files = this.#loadedFiles()
    for (const dir of ['src', 'spec'])
      for (const file of filesUnder(join(this.kata.kataDir, dir))) files.add(graphPath(file))
    for (const file of this.#stamps.keys()) files.add(file)
    const changed: string[] = []
    for (const file of files) {
      let stamp = 'gone'
      let modified = 0
      try {
        const stat = statSync(file)
        if (!stat.isFile()) continue
        stamp = `${stat.mtimeMs}:${stat.size}`
        modified = stat.mtimeMs
      } catch {
        // deleted: its importers must be evaluated again, and fail to import it
      }
      const before = this.#stamps.get(file)
      // (2 s of slack: some file systems keep modification times in whole seconds)
      if (before === undefined ? modified >= this.#lastRunStartedAt - 2_000 : before !== stamp)
        changed.push(file)
      if (stamp === 'gone') this.#stamps.delete(file)
      else this.#stamps.set(file, stamp)
    }
    return changed
  }

  async run(): Promise<SpecRun> {
    this.#lastRunStartedAt = Date.now()
    for (const file of this.#pending) this.vitest.watcher.invalidates.add(file)
    this.#pending.clear()
    // The kata's own modules (its src/ and spec/ folders) are evaluated afresh on every run, as in
    // a one-off run: state a module keeps (a counter, a registry) must not carry over, and a
    // module whose import failed must try again once the missing file exists. Only the
    // dependencies (the shared packages, node_modules) stay warm.
    for (const file of this.#loadedFiles())
      if (file.startsWith(this.#kataPrefix)) this.vitest.watcher.invalidates.add(file)
    const modules: TestModule[] = []
    let unhandled = 0
    for (const spec of this.specs) {
      // Forget this file's previous result: a run that fails before the file is queued must not
      // show the last run's outcome.
      this.vitest.state.clearFiles(spec.project, [spec.moduleId])
      const result = await this.#runWithWatchdog(spec)
      if (result instanceof RunStalledError) {
        const run = toSpecRun(modules, unhandled)
        return {
          ...run,
          fileErrors: [...run.fileErrors, { file: result.file, name: result.name, message: result.message }],
        }
      }
      // The result lists every module Vitest has seen in the session: keep this run's.
      const mine = result.testModules.filter((m) => m.moduleId === spec.moduleId)
      modules.push(...mine)
      unhandled += result.unhandledErrors.length
      if (!stepPassed(mine)) break
    }
    return toSpecRun(modules, unhandled)
  }

  async #runWithWatchdog(spec: TestSpecification) {
    const running = this.vitest.runTestSpecifications([spec])
    const stalled = new Promise<RunStalledError>((resolve) =>
      this.watchdog.watch((quietMs) =>
        resolve(new RunStalledError(spec.moduleId.split('/').pop() ?? spec.moduleId, quietMs)),
      ),
    )
    try {
      const first = await Promise.race([running, stalled])
      if (!(first instanceof RunStalledError)) return first
      await this.thread.terminate()
      await running.catch(() => {})
      return first
    } finally {
      this.watchdog.stop()
    }
  }

  get #kataPrefix() {
    return `${graphPath(this.kata.kataDir)}/`
  }

  /** Every source file the specs have loaded so far, from Vite's module graphs. */
  #loadedFiles(): Set<string> {
    const files = new Set<string>()
    for (const project of this.vitest.projects)
      for (const environment of Object.values(project.vite.environments))
        for (const file of environment.moduleGraph.fileToModulesMap.keys())
          if (isAbsolute(file) && !file.includes('/node_modules/')) files.add(file)
    return files
  }

  async close() {
    await this.vitest.close()
    await this.thread.terminate()
  }

  /** The file and, transitively, every module that imports it, from Vite's module graphs. */
  #importersOf(path: string, seen = new Set<string>()): Set<string> {
    if (seen.has(path)) return seen
    seen.add(path)
    for (const project of this.vitest.projects)
      for (const environment of Object.values(project.vite.environments))
        for (const node of environment.moduleGraph.getModulesByFile(path) ?? [])
          for (const importer of node.importers) if (importer.file) this.#importersOf(importer.file, seen)
    return seen
  }
}
