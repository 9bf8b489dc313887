import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { probeService } from '@eda/infra'
import { materialisePristineStub } from '../check/pristine-stub.ts'
import { runSpecs } from '../check/run-specs.ts'
import { sourceSwapPlugin } from '../check/source-swap-plugin.ts'
import { stubbedFunctions, UnmatchedStubError } from '../check/stubbed-functions.ts'
import { filesUnder } from '../curriculum/files-under.ts'
import { kataServices } from '../curriculum/kata-metadata.ts'
import { type Kata, listKatas, repoRoot } from '../curriculum/workspace.ts'
import { bold, dim, green, red, say, yellow } from '../ui/terminal.ts'
import { UsageError } from './command.ts'
import { requireKata } from './require-kata.ts'

const USAGE = 'pnpm kata sweep <kata...|--all>'

interface Outcome {
  readonly ok: boolean
  readonly line: string
  /** False when there was nothing to swap (and so nothing to catch). */
  readonly swept?: boolean
}

/** Every stubbed function of one kata, swapped into the reference one at a time. */
async function sweepKata(kata: Kata): Promise<Outcome[]> {
  for (const service of kataServices(kata.meta)) {
    const probe = await probeService(service, { mode: 'ready' })
    if (!probe.reachable)
      throw new UsageError(
        `${kata.dir} needs ${service} (${probe.reason}); start it with: pnpm infra up ${service}`,
      )
  }
  const stub = materialisePristineStub(
    repoRoot,
    kata.kataDir,
    join(kata.solutionDir, '.kata-check', 'sweep-stub'),
  )
  const referenceSrc = join(kata.solutionDir, 'src')
  const implEntry = join(referenceSrc, 'index.ts')
  const outcomes: Outcome[] = []
  for (const stubFile of filesUnder(stub.dir)) {
    const file = relative(stub.dir, stubFile).split('\\').join('/')
    const referenceFile = join(referenceSrc, file)
    if (!existsSync(referenceFile)) continue
    let swaps: ReturnType<typeof stubbedFunctions>
    try {
      swaps = stubbedFunctions(file, readFileSync(stubFile, 'utf8'), readFileSync(referenceFile, 'utf8'))
    } catch (error) {
      if (!(error instanceof UnmatchedStubError)) throw error
      outcomes.push({ ok: false, line: red(`✗ ${kata.dir} ${error.message}`) })
      say(outcomes.at(-1)?.line)
      continue
    }
    for (const swap of swaps) {
      if (swap.stubbedReference === undefined) {
        outcomes.push({
          swept: false,
          ok: true,
          line: yellow(`– ${kata.dir} src/${file} ${swap.name}: not swept, ${swap.notSwept}`),
        })
        say(outcomes.at(-1)?.line)
        continue
      }
      const started = performance.now()
      const run = await runSpecs(kata, {
        implEntry,
        plugins: [sourceSwapPlugin(new Map([[referenceFile, swap.stubbedReference]]))],
        bail: true,
      })
      const took = dim(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
      const killer = run.tests.find((t) => t.state === 'failed')
      const crash = run.fileErrors[0]
      const subject = `${kata.dir} src/${file} ${bold(swap.name)}`
      outcomes.push(
        killer
          ? {
              ok: true,
              line: `${green('✓')} ${subject} ${dim(`caught by ${killer.file} > ${killer.name}`)} ${took}`,
            }
          : crash
            ? {
                // Not a catch: a swap that does not even load says nothing about the specs.
                ok: false,
                line: red(
                  `✗ ${subject}: ${crash.file} crashed as it loaded (${crash.name}: ${crash.message}) ${took}`,
                ),
              }
            : { ok: false, line: red(`✗ ${subject}: every spec passes with its body stubbed ${took}`) },
      )
      say(outcomes.at(-1)?.line)
    }
  }
  return outcomes
}

/**
 * `pnpm kata sweep <kata...|--all>`, for maintainers: puts the stub's body back into the reference,
 * one function at a time, and runs the specs (stopping at the first failure). Each swap must fail a
 * spec: a function the specs pass without is a part of the kata nothing checks.
 */
export async function run(args: readonly string[]): Promise<number> {
  const queries = args.filter((a) => !a.startsWith('--'))
  if (!args.includes('--all') && queries.length === 0) throw new UsageError(`name a kata or --all: ${USAGE}`)
  const katas = args.includes('--all') ? listKatas() : queries.map((q) => requireKata(q, USAGE))
  const outcomes: Outcome[] = []
  for (const kata of katas) {
    outcomes.push(...(await sweepKata(kata)))
  }
  const failed = outcomes.filter((o) => !o.ok).length
  const swept = outcomes.filter((o) => o.swept !== false)
  const notSwept = outcomes.length - swept.length
  say(
    bold(`kata sweep: ${swept.length - failed} of ${swept.length} stubbed functions caught`) +
      (notSwept ? dim(` (${notSwept} not swept)`) : '') +
      (failed ? red(` — ${failed} not`) : green(' — ok')),
  )
  return failed === 0 ? 0 : 1
}
