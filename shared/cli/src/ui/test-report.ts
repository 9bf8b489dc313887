import type { SpecRun } from '../check/run-specs.ts'
import type { Kata } from '../curriculum/workspace.ts'
import type { KataStatus } from '../progress/kata-status.ts'
import { renderStepView } from './step-view.ts'
import { bold, green, yellow } from './terminal.ts'

/** What `kata test` prints after a run, and its exit code: 0 when every step passes. */
export function testReport(
  kata: Kata,
  run: SpecRun,
  status: KataStatus,
): { lines: string[]; exitCode: number } {
  const lines = renderStepView(kata, run, status)
  const total = kata.meta.steps.length
  if (status.state === 'solved') {
    lines.push(
      green(bold(`✓ ${kata.dir} solved: all ${total} steps pass.`)),
      `Compare with the reference in solutions/${kata.dir}/src and read solutions/${kata.dir}/NOTES.md.`,
    )
    return { lines, exitCode: 0 }
  }
  const step = kata.meta.steps[status.failingStep ?? 0]
  lines.push(yellow(bold(`${kata.dir}: ${status.passedSteps}/${total} steps pass.`)))
  if (step) {
    lines.push(
      `Next: step ${(status.failingStep ?? 0) + 1}, "${step.title}" (spec/${step.spec}).`,
      `Read katas/${kata.dir}/README.md for the step and katas/${kata.dir}/HINTS.md if you are stuck.`,
    )
  }
  return { lines, exitCode: 1 }
}
