import { join } from 'node:path'
import { runSpecs } from '../check/run-specs.ts'
import { rememberStatus, statusFromRun } from '../progress/kata-status.ts'
import { startTestServer, testServerServes } from '../server/start-test-server.ts'
import { say } from '../ui/terminal.ts'
import { testReport } from '../ui/test-report.ts'
import { StepRunner } from '../warm/step-runner.ts'
import { requireKata } from './require-kata.ts'

/**
 * `pnpm kata test <kata> [--verbose]`: the learner's code against the kata's specs, step by step
 * in order, stopping at the first step that fails (the engine `kata watch` and the test server
 * use: the same answer from all three). It shows the progress and that step's first
 * failure (a stub fails every test: hundreds of reports would bury the one that matters);
 * `--verbose` runs every spec and shows vitest's full report.
 *
 * `bin/kata.js` first asks the checkout's warm test server (in-process katas only); this runs
 * when none answered, and starts one for the next time.
 */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata test <kata> [--verbose]')
  const verbose = args.includes('--verbose')
  const specRun = verbose
    ? await runSpecs(kata, { implEntry: join(kata.kataDir, 'src', 'index.ts'), report: true, cached: true })
    : await StepRunner.once(kata)
  const status = statusFromRun(kata, specRun)
  rememberStatus(kata, status)
  const { lines, exitCode } = testReport(kata, specRun, status)
  for (const line of lines) say(line)
  if (testServerServes(kata)) startTestServer(kata)
  return exitCode
}
