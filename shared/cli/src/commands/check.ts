import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureServices, isInfraRequired, SERVICE_NAMES } from '@eda/infra'
import { countItems } from '../check/check-result.ts'
import { clearResults, readSharedResults, readSolutionResults } from '../check/workspace-results.ts'
import { repoRoot } from '../curriculum/workspace.ts'
import { bold, dim, green, red, say, yellow } from '../ui/terminal.ts'

interface Tally {
  passed: number
  failed: number
  lines: string[]
}

const TASKS = ['check', 'typecheck', 'lint'] as const

async function runTurbo(
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number; summary: TurboSummary | undefined }> {
  const runsDir = join(repoRoot, '.turbo', 'runs')
  const before = new Set(existsSync(runsDir) ? readdirSync(runsDir) : [])
  // Two at a time on purpose: the broker katas time real consumers, and CI machines have 2 cores.
  // Spawned asynchronously, so a signal reaches this process's handler (which stops the services)
  // while turbo runs, not only after it.
  const child = spawn(
    'pnpm',
    ['exec', 'turbo', 'run', ...TASKS, '--continue', '--summarize', '--concurrency=2'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env,
    },
  )
  const [code] = (await once(child, 'exit')) as [number | null]
  const result = { status: code }
  const fresh = existsSync(runsDir) ? readdirSync(runsDir).filter((f) => !before.has(f)) : []
  const file = fresh.sort().pop()
  const summary = file ? (JSON.parse(readFileSync(join(runsDir, file), 'utf8')) as TurboSummary) : undefined
  return { exitCode: result.status ?? 1, summary }
}

interface TurboSummary {
  tasks: Array<{ taskId: string; task: string; package: string; execution?: { exitCode?: number } }>
}

function tallyTasks(summary: TurboSummary | undefined, tally: Tally) {
  if (!summary) {
    tally.failed++
    tally.lines.push(red('✗ turbo wrote no run summary'))
    return
  }
  for (const task of summary.tasks.filter((t) => t.task === 'typecheck' || t.task === 'lint')) {
    const ok = task.execution?.exitCode === 0
    ok ? tally.passed++ : tally.failed++
    if (!ok) tally.lines.push(red(`✗ ${task.taskId} failed`))
  }
  const counted = summary.tasks.filter((t) => t.task === 'typecheck' || t.task === 'lint')
  tally.lines.push(`${counted.length} typecheck and lint tasks`)
}

function tallyKatas(tally: Tally) {
  for (const result of readSolutionResults(repoRoot)) {
    if ('missing' in result) {
      tally.failed++
      tally.lines.push(red(`✗ ${result.kata}: no result (its check crashed; see the log above)`))
      continue
    }
    if (result.skipped) {
      tally.lines.push(yellow(`- ${result.kata}: skipped, ${result.skipped}`))
      continue
    }
    const { passed, failed } = countItems(result.items)
    tally.passed += passed
    tally.failed += failed
    const part = (c: string) => {
      const n = countItems(result.items.filter((i) => i.check === c))
      return `${c} ${n.passed}/${n.passed + n.failed}`
    }
    const text = `${result.kata}: ${['green', 'red', 'mutant'].map(part).join(' · ')}`
    tally.lines.push(failed ? red(`✗ ${text}`) : green(`✓ ${text}`))
    for (const item of result.items.filter((i) => !i.ok))
      tally.lines.push(red(`    ${item.check} ${item.subject}: ${item.detail}`))
    for (const step of result.skippedSteps ?? []) tally.lines.push(yellow(`    skipped ${step}`))
  }
}

function tallyShared(tally: Tally) {
  for (const report of readSharedResults(repoRoot)) {
    if ('missing' in report) {
      tally.failed++
      tally.lines.push(red(`✗ shared/${report.pkg}: no test result (see the log above)`))
      continue
    }
    // A skipped test proves nothing: in CI that is a failure; locally it means a service is missing.
    const skipsFail = isInfraRequired()
    tally.passed += report.passed
    tally.failed += report.failed + (skipsFail ? report.skipped : 0)
    const text = `shared/${report.pkg}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`
    const bad = report.failed > 0 || (skipsFail && report.skipped > 0)
    tally.lines.push(bad ? red(`✗ ${text}`) : report.skipped ? yellow(`- ${text}`) : green(`✓ ${text}`))
  }
}

/** The docs: their scripts' tests and types, then the site build and link check (nothing written). */
function docsCheck(tally: Tally) {
  const report = join(repoRoot, '.kata', 'docs-tests.json')
  rmSync(report, { force: true })
  spawnSync(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      '--root',
      'scripts/docs',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  )
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
    }
    tally.passed += json.numPassedTests
    tally.failed += json.numFailedTests
    const text = `scripts/docs: ${json.numPassedTests} passed, ${json.numFailedTests} failed`
    tally.lines.push(json.numFailedTests ? red(`✗ ${text}`) : green(`✓ ${text}`))
  } else {
    tally.failed++
    tally.lines.push(red('✗ scripts/docs: no test result (see the log above)'))
  }
  for (const [label, args] of [
    ['docs scripts typecheck', ['exec', 'tsc', '-p', 'scripts/docs']],
    ['docs site build and link check (pnpm docs:check)', ['docs:check']],
  ] as const) {
    const ok = spawnSync('pnpm', [...args], { cwd: repoRoot, stdio: 'inherit' }).status === 0
    ok ? tally.passed++ : tally.failed++
    tally.lines.push(ok ? green(`✓ ${label}`) : red(`✗ ${label}`))
  }
}

function formatCheck(tally: Tally) {
  const result = spawnSync('pnpm', ['exec', 'biome', 'ci', '.', '--max-diagnostics=20'], {
    cwd: repoRoot,
    stdio: 'inherit',
  })
  const ok = result.status === 0
  ok ? tally.passed++ : tally.failed++
  tally.lines.push(
    ok ? green('✓ format and lint (biome)') : red('✗ format and lint (biome ci): run pnpm format'),
  )
}

/**
 * Brings up the services the specs need (as `pnpm infra up` would) and returns what to stop at the
 * end. Which services answered goes into the environment, so turbo's cache never serves a run made
 * without Kafka to a machine that has it, or the other way round.
 */
async function servicesFor(tally: Tally): Promise<{ env: NodeJS.ProcessEnv; stop: () => Promise<void> }> {
  const ensured = await ensureServices(SERVICE_NAMES, { log: (line) => say(dim(`» ${line}`)) })
  const available = SERVICE_NAMES.filter((s) => !ensured.unavailable.some((u) => u.service === s))
  for (const u of ensured.unavailable) {
    const line = `${u.service} unavailable: ${u.reason}; ${u.fix}`
    if (isInfraRequired()) {
      tally.failed++
      tally.lines.push(red(`✗ ${line}`))
    } else tally.lines.push(yellow(`- ${line} (its specs are skipped)`))
  }
  return { env: { ...process.env, EDA_AVAILABLE_SERVICES: available.join(',') }, stop: ensured.stop }
}

/** `pnpm test`: every kata's green, red and mutant checks, the shared packages' tests, types, lint, format. */
export async function run(): Promise<number> {
  const tally: Tally = { passed: 0, failed: 0, lines: [] }
  const services = await servicesFor(tally)
  // Whatever happens (a failure, Ctrl+C), stop what this run started and nothing else.
  const onSignal = () => void services.stop().finally(() => process.exit(130))
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    clearResults(repoRoot)
    const turbo = await runTurbo(services.env)
    tallyKatas(tally)
    tallyShared(tally)
    tallyTasks(turbo.summary, tally)
    docsCheck(tally)
    formatCheck(tally)
    if (turbo.exitCode !== 0 && tally.failed === 0) {
      tally.failed++
      tally.lines.push(red(`✗ turbo exited with ${turbo.exitCode}`))
    }
  } finally {
    await services.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  say()
  say(bold('Summary'))
  for (const line of tally.lines) say(`  ${line}`)
  say(dim('  green: spec tests passing on the reference · red: spec tests failing on the pristine stub'))
  say(dim('  mutant: known-wrong solutions each caught by at least one spec test'))
  say(`kata-check: ${tally.passed} passed, ${tally.failed} failed`)
  return tally.failed === 0 ? 0 : 1
}
