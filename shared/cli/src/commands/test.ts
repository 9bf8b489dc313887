import { join } from 'node:path'
import { runSpecs } from '../check/run-specs.ts'
import { rememberStatus, statusFromRun } from '../progress/kata-status.ts'
import { bold, green, say, yellow } from '../ui/terminal.ts'
import { requireKata } from './require-kata.ts'

/** `pnpm kata test <kata>`: the learner's code against the kata's specs, with the next step named. */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata test <kata>')
  const run = await runSpecs(kata, {
    implEntry: join(kata.kataDir, 'src', 'index.ts'),
    report: true,
    cached: true,
  })
  const status = statusFromRun(kata, run)
  rememberStatus(kata, status)
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
