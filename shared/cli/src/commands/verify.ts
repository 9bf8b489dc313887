import { countItems } from '../check/check-result.ts'
import { verifySolution } from '../check/verify-solution.ts'
import { kataForSolution } from '../curriculum/workspace.ts'
import { bold, dim, green, red, say, yellow } from '../ui/terminal.ts'
import { UsageError } from './command.ts'

/** Run from a solution folder (its `check` script): green, red and mutant checks for one kata. */
export async function run(args: readonly string[]): Promise<number> {
  const dir = args[0] ?? process.cwd()
  const kata = kataForSolution(dir)
  if (!kata) throw new UsageError(`${dir} is not a solution folder; run this in solutions/<NN-name>/`)
  const result = await verifySolution(kata, (line) => say(dim(`» ${line}`)))
  if (result.skipped) {
    say(yellow(`${kata.dir}: skipped here: ${result.skipped}`))
    return 0
  }
  for (const step of result.skippedSteps ?? []) say(yellow(`- skipped ${step}`))
  for (const item of result.items.filter((i) => !i.ok))
    say(red(`✗ ${item.check} ${item.subject}: ${item.detail}`))
  for (const item of result.items.filter((i) => i.check === 'mutant' && i.ok))
    say(green(`✓ mutant ${item.subject} ${dim(item.detail ?? '')}`))
  const byCheck = (c: string) => countItems(result.items.filter((i) => i.check === c))
  const line = ['green', 'red', 'mutant', 'static']
    .map((c) => {
      const { passed, failed } = byCheck(c)
      return `${c} ${passed}/${passed + failed}`
    })
    .join(' · ')
  const { failed } = countItems(result.items)
  say(bold(`${kata.dir}: ${line}`) + (failed ? red(` — ${failed} failed`) : green(' — ok')))
  return failed === 0 ? 0 : 1
}
