import { defineProject, mergeConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

/**
 * Spec files in step order. Vitest's default runs the slowest and last-failed files first, which
 * here means the PostgreSQL steps: a mutant run (which stops at its first failure) would start
 * PGlite every time, and report a late step as the one that caught the bug.
 */
export class StepOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
  }
}

// `#impl` resolves through package.json "imports" to ./src: your code. The solution workspace
// runs these same spec files with `#impl` pointing at the reference instead.
// Step 7 needs a PostgreSQL server: it is probed once before the specs (and skipped when absent).
export default mergeConfig(
  mergeConfig(
    sharedProject,
    defineProject({
      test: { name: 'kata/04-snapshots', include: ['spec/**/*.spec.ts'], ...withServices(['postgres']) },
    }),
  ),
  // A root-level option: applies when this config runs on its own (`pnpm test`, the kata CLI).
  { test: { sequence: { sequencer: StepOrder } } },
)
