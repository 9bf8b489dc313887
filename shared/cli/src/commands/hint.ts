import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { kataRef } from '../curriculum/workspace.ts'
import { HINT_LEVELS, parseHints } from '../hints/parse-hints.ts'
import { currentStatus } from '../progress/kata-status.ts'
import { readState, updateState } from '../state/local-state.ts'
import { bold, cyan, dim, say } from '../ui/terminal.ts'
import { UsageError } from './command.ts'
import { requireKata } from './require-kata.ts'

/**
 * `pnpm kata hint <kata> [step]`: the next hint for the current step, one level at a time
 * (nudge → approach → near-solution). Levels already shown are shown again, then the next one.
 */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata hint <kata> [step]')
  if (readState().drill)
    throw new UsageError('hints are off during a drill; finish it with: pnpm kata drill --finish')
  const file = join(kata.kataDir, 'HINTS.md')
  if (!existsSync(file)) throw new UsageError(`kata ${kata.dir} has no HINTS.md`)
  const hints = parseHints(readFileSync(file, 'utf8'))
  const status = await currentStatus(kata)
  if (args[1] === undefined && status.state === 'solved') {
    say(
      `Kata ${kata.dir} is solved. For a step's hints anyway: pnpm kata hint ${kataRef(kata)} <step number>`,
    )
    return 0
  }
  const stepNumber = args[1] === undefined ? (status.failingStep ?? 0) + 1 : Number(args[1])
  const step = hints.find((h) => h.step === stepNumber)
  if (!step) {
    throw new UsageError(
      `kata ${kata.dir} has no hints for step ${args[1] ?? stepNumber}; steps: 1–${hints.length}`,
    )
  }
  const key = String(stepNumber)
  const shown = readState().hints[kata.dir]?.[key] ?? 0
  const level = Math.min(shown + 1, step.levels.length)
  updateState((state) => {
    state.hints[kata.dir] = { ...state.hints[kata.dir], [key]: level }
  })
  say(bold(`Kata ${kata.dir}, step ${stepNumber}: ${step.title}`))
  for (const hint of step.levels.slice(0, level)) say(`  ${cyan(`${hint.level}:`)} ${hint.text}`)
  if (level < step.levels.length) {
    say(dim(`  (${HINT_LEVELS[level]} next time: pnpm kata hint ${kataRef(kata)})`))
  } else {
    say(
      dim(
        `  That was the last hint. Compare with the reference once solved: pnpm kata solution ${kataRef(kata)}`,
      ),
    )
  }
  return 0
}
