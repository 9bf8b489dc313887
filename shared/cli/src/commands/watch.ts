import { join } from 'node:path'
import { createVitest, type TestModule } from 'vitest/node'
import { LEARNER_RUN_SETTINGS, toSpecRun } from '../check/run-specs.ts'
import { StepOrderSequencer } from '../check/step-order-sequencer.ts'
import { rememberStatus, statusFromRun } from '../progress/kata-status.ts'
import { renderStepView } from '../ui/step-view.ts'
import { bold, dim, say } from '../ui/terminal.ts'
import { chooseWatchMode } from '../watch/watch-mode.ts'
import { requireKata } from './require-kata.ts'

/**
 * `pnpm kata watch <kata> [--poll]`: re-runs the kata's specs on every save and shows only the
 * first failing step. Vitest's watcher keeps its workers and module graph warm between runs; with
 * the spec files in step order and `bail`, a run stops at the first failure, so a save costs the
 * steps up to the current one, not the whole kata.
 */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata watch <kata> [--poll]')
  const mode = await chooseWatchMode(kata.kataDir, args)
  const tty = process.stdout.isTTY === true
  let started = performance.now()
  let runs = 0

  const reporter = {
    onWatcherRerun() {
      started = performance.now()
    },
    onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<unknown>) {
      const ms = Math.round(performance.now() - started)
      const specRun = toSpecRun(modules, unhandled.length)
      const status = statusFromRun(kata, specRun)
      rememberStatus(kata, status)
      runs++
      if (tty) process.stdout.write('\u001b[2J\u001b[H')
      say(
        bold(`EDA Katas · watching ${kata.dir}`) +
          dim(`  (save a file in katas/${kata.dir}/src to re-run; Ctrl+C to stop)`),
      )
      for (const line of renderStepView(kata, specRun, status)) say(line)
      say(dim(`run ${runs} took ${ms} ms${mode.poll ? ` · polling for changes (${mode.reason})` : ''}`))
    },
  }

  const vitest = await createVitest(
    'test',
    {
      root: kata.kataDir,
      config: join(kata.kataDir, 'vitest.config.ts'),
      watch: true,
      reporters: [reporter],
      bail: 1,
    },
    {
      test: { ...LEARNER_RUN_SETTINGS, sequence: { sequencer: StepOrderSequencer } },
      ...(mode.poll ? { server: { watch: { usePolling: true, interval: 250 } } } : {}),
    },
  )
  await vitest.start()
  // Runs until interrupted; vitest closes its workers on SIGINT/SIGTERM.
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void vitest.close().then(resolve))
  })
  return 0
}
