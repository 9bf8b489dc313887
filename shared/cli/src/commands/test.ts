import { join } from 'node:path'
import { runSpecs } from '../check/run-specs.ts'
import { rememberStatus, statusFromRun } from '../progress/kata-status.ts'
import { renderStepView } from '../ui/step-view.ts'
import { bold, green, say, yellow } from '../ui/terminal.ts'
import { requireKata } from './require-kata.ts'

/**
 * `pnpm kata test <kata> [--verbose]`: the learner's code against the kata's specs. It shows the
 * progress and the first failing step only (a stub fails every test: hundreds of reports would
 * bury the one that matters); `--verbose` shows vitest's full report.
 */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata test <kata> [--verbose]')
  const run = await runSpecs(kata, {
    implEntry: join(kata.kataDir, 'src', 'index.ts'),
    report: args.includes('--verbose'),
    cached: true,
  })
  const status = statusFromRun(kata, run)
  rememberStatus(kata, status)
  for (const line of renderStepView(kata, run, status)) say(line)
  const total = kata.meta.steps.length
  if (status.state === 'solved') {
    say(green(bold(`✓ ${kata.dir} solved: all ${total} steps pass.`)))
    say(`Compare with the reference in solutions/${kata.dir}/src and read solutions/${kata.dir}/NOTES.md.`)
    return 0
  }
  const step = kata.meta.steps[status.failingStep ?? 0]
  say(yellow(bold(`${kata.dir}: ${status.passedSteps}/${total} steps pass.`)))
  if (step) {
    say(`Next: step ${(status.failingStep ?? 0) + 1}, "${step.title}" (spec/${step.spec}).`)
    say(`Read katas/${kata.dir}/README.md for the step and katas/${kata.dir}/HINTS.md if you are stuck.`)
  }
  return 1
}
