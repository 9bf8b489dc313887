import { join, relative } from 'node:path'
import { materialisePristineStub } from '../check/pristine-stub.ts'
import { runSpecs } from '../check/run-specs.ts'
import { findKata, type Kata, listKatas, repoRoot } from '../curriculum/workspace.ts'
import { currentStatus, statusFromRun } from '../progress/kata-status.ts'
import { readState, updateState } from '../state/local-state.ts'
import { bold, green, say, yellow } from '../ui/terminal.ts'
import { UsageError } from './command.ts'

const minutesOf = (args: readonly string[]): number => {
  const i = args.indexOf('--minutes')
  if (i === -1) return 0
  const n = Number(args[i + 1])
  if (!Number.isInteger(n) || n < 1 || n > 600)
    throw new UsageError('--minutes takes a whole number from 1 to 600')
  return n
}

async function pickKata(query: string | undefined): Promise<Kata> {
  if (query) {
    const kata = findKata(query)
    if (!kata) throw new UsageError(`no kata "${query}"; type a number or name from the list: pnpm kata`)
    return kata
  }
  const katas = listKatas()
  for (const kata of katas) if ((await currentStatus(kata)).state !== 'solved') return kata
  // Everything solved: practise a solved one again, fresh.
  const kata = katas[Math.floor(Math.random() * katas.length)]
  if (!kata) throw new UsageError('there are no katas to drill')
  return kata
}

const elapsed = (startedAt: string) => {
  const ms = Date.now() - new Date(startedAt).getTime()
  return `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s`
}

async function checkDrill(finish: boolean): Promise<number> {
  const drill = readState().drill
  if (!drill) throw new UsageError('no drill is running; start one with: pnpm kata drill [kata]')
  const kata = findKata(drill.kata)
  if (!kata)
    throw new UsageError(
      `the drill's kata ${drill.kata} no longer exists; end it with: pnpm kata drill --abandon`,
    )
  const run = await runSpecs(kata, { implEntry: join(drill.dir, 'index.ts'), report: !finish })
  const status = statusFromRun(kata, run)
  const total = kata.meta.steps.length
  const time = elapsed(drill.startedAt)
  if (!finish) {
    say(bold(`Drill ${kata.dir}: ${status.passedSteps}/${total} steps after ${time}.`))
    return status.state === 'solved' ? 0 : 1
  }
  updateState((state) => {
    delete state.drill
  })
  const overtime =
    drill.minutes > 0 && Date.now() - new Date(drill.startedAt).getTime() > drill.minutes * 60_000
  say(
    bold(`Drill finished: kata ${kata.dir}, ${status.passedSteps}/${total} steps in ${time}`) +
      (drill.minutes ? ` (timebox ${drill.minutes} min${overtime ? ', exceeded' : ''})` : ''),
  )
  say(
    status.state === 'solved'
      ? green('✓ every step passes.')
      : yellow(`First failing step: ${kata.meta.steps[status.failingStep ?? 0]?.title}`),
  )
  say(`Your drill code stays in ${relative(repoRoot, drill.dir)}; compare it with solutions/${kata.dir}/src.`)
  return status.state === 'solved' ? 0 : 1
}

/**
 * `pnpm kata drill [kata] [--minutes N]`: interview practice on a clean copy of a kata's stub in
 * `katas/<kata>/.drill/`, never in your src/. Hints are off until `--finish` reports the time and
 * result. `--check` runs the specs against the drill copy; `--abandon` ends it without a result.
 */
export async function run(args: readonly string[]): Promise<number> {
  if (args.includes('--check')) return checkDrill(false)
  if (args.includes('--finish')) return checkDrill(true)
  const active = readState().drill
  if (args.includes('--abandon')) {
    if (!active) throw new UsageError('no drill is running')
    updateState((state) => {
      delete state.drill
    })
    say(`Drill abandoned; its code stays in ${relative(repoRoot, active.dir)}.`)
    return 0
  }
  if (active) {
    say(bold(`A drill is running: kata ${active.kata}, ${elapsed(active.startedAt)} so far.`))
    say(`Edit ${relative(repoRoot, active.dir)}, then: pnpm kata drill --check · --finish · --abandon`)
    return 0
  }
  const minutes = minutesOf(args)
  const kata = await pickKata(args.find((a) => !a.startsWith('--') && a !== String(minutes)))
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const dir = join(kata.kataDir, '.drill', stamp, 'src')
  const stub = materialisePristineStub(repoRoot, kata.kataDir, dir)
  updateState((state) => {
    state.drill = { kata: kata.dir, dir: stub.dir, startedAt: new Date().toISOString(), minutes }
  })
  say(
    bold(`Drill started: kata ${kata.dir}, ${kata.meta.title}${minutes ? `, timebox ${minutes} min` : ''}.`),
  )
  say(`Write your solution in ${relative(repoRoot, dir)} (a fresh copy of the stub; your src/ is untouched).`)
  say('Hints are off. Check with: pnpm kata drill --check · finish with: pnpm kata drill --finish')
  return 0
}
