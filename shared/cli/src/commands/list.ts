import { probeService, type ServiceName } from '@eda/infra'
import { servicesOf } from '../check/verify-solution.ts'
import { kataServices } from '../curriculum/kata-metadata.ts'
import { type Kata, listKatas } from '../curriculum/workspace.ts'
import { currentStatus, isPristine, type KataStatus } from '../progress/kata-status.ts'
import { bold, cyan, dim, green, red, say, yellow } from '../ui/terminal.ts'

/** The first service a kata needs that does not answer, if any (a bounded check, never a hang). */
async function missingService(kata: Kata): Promise<ServiceName | undefined> {
  if (isPristine(kata)) return undefined
  for (const service of servicesOf(kata)) if (!(await probeService(service)).reachable) return service
  return undefined
}

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
  const dirWidth = Math.max(...katas.map((k) => k.dir.length))
  const titleWidth = Math.min(40, Math.max(...katas.map((k) => k.meta.title.length)))
  for (const kata of katas) {
    const title =
      kata.meta.title.length > titleWidth ? `${kata.meta.title.slice(0, titleWidth - 1)}…` : kata.meta.title
    const row = `  ${cyan(kata.dir.padEnd(dirWidth))}  ${title.padEnd(titleWidth)}  ${dim(`~${kata.meta.minutes} min`.padStart(8))}  `
    const needed = kataServices(kata.meta)
    const services = needed.length ? dim(` [needs ${needed.join(', ')}]`) : ''
    const missing = await missingService(kata)
    if (missing) {
      // Its specs would only be skipped: say what to start instead of guessing a status.
      say(
        `${row}${yellow(`status unknown: ${missing} is not running (pnpm infra up ${missing})`)}${services}`,
      )
      continue
    }
    try {
      const status = await currentStatus(kata)
      if (!next && status.state !== 'solved') next = { kata, status }
      say(`${row}${describe(kata, status)}${services}`)
    } catch (error) {
      say(
        `${row}${red(`status unknown: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)}`,
      )
    }
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
