import { type Kata, listKatas } from '../curriculum/workspace.ts'
import { currentStatus, type KataStatus } from '../progress/kata-status.ts'
import { bold, cyan, dim, green, say, yellow } from '../ui/terminal.ts'

function describe(kata: Kata, status: KataStatus): string {
  const steps = kata.meta.steps.length
  if (status.state === 'solved') return green('solved')
  if (status.state === 'not-started') return dim('not started')
  const step = kata.meta.steps[status.failingStep ?? 0]
  return yellow(`in progress ${status.passedSteps}/${steps}, failing: ${step?.title ?? '?'}`)
}

/** `pnpm kata`: the curriculum, each kata's status, and the one thing to do next. */
export async function run(): Promise<number> {
  const katas = listKatas()
  say(bold('EDA Katas: the curriculum'))
  let next: { kata: Kata; status: KataStatus } | undefined
  for (const kata of katas) {
    const status = await currentStatus(kata)
    if (!next && status.state !== 'solved') next = { kata, status }
    const services = kata.meta.services.length ? dim(` [needs ${kata.meta.services.join(', ')}]`) : ''
    say(
      `  ${cyan(kata.dir.padEnd(22))} ${kata.meta.title.padEnd(34)} ${dim(`~${kata.meta.minutes} min`)}  ${describe(kata, status)}${services}`,
    )
  }
  say()
  if (!next) {
    say(
      green(
        'Every kata is solved. Practise one again from a clean copy, or read the NOTES.md of each solution.',
      ),
    )
    return 0
  }
  const { kata, status } = next
  const step = kata.meta.steps[status.failingStep ?? 0]
  say(bold('Next:'))
  say(`  1. Read katas/${kata.dir}/README.md${step ? `, step "${step.title}"` : ''}.`)
  say(`  2. Edit katas/${kata.dir}/src/ until the step's spec passes.`)
  say(`  3. Run: pnpm kata test ${kata.meta.order.toString().padStart(2, '0')}`)
  return 0
}
