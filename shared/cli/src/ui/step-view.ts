import type { SpecRun } from '../check/run-specs.ts'
import { type Kata, kataRef } from '../curriculum/workspace.ts'
import type { KataStatus } from '../progress/kata-status.ts'
import { bold, cyan, dim, green, red, yellow } from './terminal.ts'

/** `[■■■□□□□] 3/7 steps`: one cell per step, filled when the step's spec passes. */
export function progressBar(kata: Kata, status: KataStatus): string {
  const total = kata.meta.steps.length
  const cells = kata.meta.steps.map((_, i) =>
    i < status.passedSteps && status.failingStep !== i ? green('■') : dim('□'),
  )
  return `[${cells.join('')}] ${status.passedSteps}/${total} steps`
}

/** What a learner needs after a run: progress, and only the first failing step's first failure. */
export function renderStepView(kata: Kata, run: SpecRun, status: KataStatus): string[] {
  const lines = [progressBar(kata, status)]
  if (status.state === 'solved') {
    lines.push(
      green(bold(`✓ Every step passes. Compare with the reference: pnpm kata solution ${kataRef(kata)}`)),
    )
    return lines
  }
  const index = status.failingStep ?? 0
  const step = kata.meta.steps[index]
  if (!step) return lines
  lines.push(yellow(bold(`✗ Step ${index + 1} · ${step.title}`)) + dim(`   spec/${step.spec}`))
  const crash = run.fileErrors.find((e) => e.file === step.spec)
  const failed = run.tests.find((t) => t.file === step.spec && t.state !== 'passed')
  if (crash) {
    lines.push(
      red(
        crash.name === 'RunStalledError'
          ? `  ${crash.message}`
          : `  the spec file did not load: ${crash.name}: ${crash.message}`,
      ),
    )
  } else if (failed) {
    const error = failed.errors[0]
    lines.push(`  ${cyan(failed.name.split(' > ').slice(1).join(' > ') || failed.name)}`)
    if (error) lines.push(red(`    ${error.name}: ${error.message}`))
    if (error?.at) lines.push(dim(`    at ${error.at}`))
  } else if (run.unhandledErrors > 0) {
    lines.push(red(`  the run stopped on ${run.unhandledErrors} error(s) outside the tests`))
    lines.push(dim(`  see them with: pnpm kata test ${kataRef(kata)} --verbose`))
  }
  lines.push(dim(`  Stuck? pnpm kata hint ${kataRef(kata)}`))
  return lines
}
