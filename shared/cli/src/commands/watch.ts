import { join } from 'node:path'
import type { SpecRun } from '../check/run-specs.ts'
import { rememberStatus, statusFromRun } from '../progress/kata-status.ts'
import { renderStepView } from '../ui/step-view.ts'
import { bold, dim, red, say } from '../ui/terminal.ts'
import { StepRunner } from '../warm/step-runner.ts'
import { watchKataFiles } from '../watch/kata-file-watcher.ts'
import { chooseWatchMode } from '../watch/watch-mode.ts'
import { requireKata } from './require-kata.ts'

/**
 * `pnpm kata watch <kata> [--poll]`: re-runs the kata's specs on every save in its `src/` or
 * `spec/` and shows only the first failing step. One test thread stays warm for the session, and
 * a run stops at the first step that fails, so a save costs the changed files and the steps up
 * to the current one (see docs/benchmarks.md for the figures).
 */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata watch <kata> [--poll]')
  const mode = await chooseWatchMode(kata.kataDir, args)
  const tty = process.stdout.isTTY === true
  const runner = await StepRunner.start(kata)
  let runs = 0

  const runAndShow = async (since: number) => {
    let specRun: SpecRun
    try {
      specRun = await runner.run()
    } catch (error) {
      // Vitest itself failed (not a spec): say so and keep watching; the next save tries again.
      say(red(`The run failed: ${error instanceof Error ? error.message : String(error)}`))
      return
    }
    const status = statusFromRun(kata, specRun)
    rememberStatus(kata, status)
    runs++
    if (tty) process.stdout.write('\u001b[2J\u001b[H')
    say(
      bold(`EDA Katas · watching ${kata.dir}`) +
        dim(`  (save a file in katas/${kata.dir}/src to re-run; Ctrl+C to stop)`),
    )
    for (const line of renderStepView(kata, specRun, status)) say(line)
    const took = Math.round(performance.now() - since)
    say(dim(`run ${runs} took ${took} ms${mode.poll ? ` · polling for changes (${mode.reason})` : ''}`))
  }

  // One run at a time; saves that arrive during a run are gathered into the next one.
  let changed: string[] = []
  let firstChangeAt = 0
  let running: Promise<void> = runAndShow(performance.now())
  let queued = false
  const files = watchKataFiles([join(kata.kataDir, 'src'), join(kata.kataDir, 'spec')], mode, (paths) => {
    if (changed.length === 0) firstChangeAt = performance.now()
    changed.push(...paths)
    if (queued) return
    queued = true
    running = running.then(async () => {
      queued = false
      const batch = changed
      changed = []
      try {
        runner.invalidate(batch)
      } catch (error) {
        say(red(`Could not take in the change: ${error instanceof Error ? error.message : String(error)}`))
      }
      await runAndShow(firstChangeAt)
    })
  })

  // Ctrl+C is how a watch ends: exit 0. Vitest's own handler, which runs next, keeps a code set
  // before it and exits the process shortly after.
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.prependOnceListener(signal, () => {
        process.exitCode = 0
        resolve()
      })
  })
  files.close()
  await running.catch(() => {})
  await runner.close()
  return 0
}
